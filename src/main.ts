import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX, APPLICATION_OPTIONS, DOCS_PATH, setUpApplication } from './app.setup';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { InvalidEnvironmentError, loadEnvironment } from './config/environment';
import { DatabaseConnection } from './database/database-connection';
import { keepServingOnUnhandledRejections } from './process-guards';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  loadEnvironment(); // fail fast with a readable message before anything starts
  keepServingOnUnhandledRejections();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, abortOnError: false });
  try {
    setUpApplication(app);
    const config = app.get(AppConfig);
    if (config.listenHost === undefined) await app.listen(config.port);
    else await app.listen(config.port, config.listenHost);
  } catch (error) {
    await app.close(); // stops the embedded database cleanly, e.g. when the port is taken
    throw error;
  }

  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const summary = [
    `chaeum is up in ${Date.now() - started} ms`,
    `API:      ${base}/${API_PREFIX}  (health: ${base}/${API_PREFIX}/health)`,
    `API docs: ${base}/${DOCS_PATH}  (OpenAPI JSON: ${base}/${DOCS_PATH}-json)`,
    `Database: ${app.get(DatabaseConnection).describe()}`,
  ];
  const logger = new NestLogger('Bootstrap');
  summary.forEach((line) => logger.log(line));
  // Logs are JSON lines for machines; someone at a terminal also gets them in plain words.
  if (process.stdout.isTTY) process.stdout.write(`\n  ${summary.join('\n  ')}\n  Stop with Ctrl-C.\n\n`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
  } else {
    console.error('chaeum failed to start:', error);
  }
  process.exit(1);
});
