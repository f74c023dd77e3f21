import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX, APPLICATION_OPTIONS, DOCS_PATH, setUpApplication } from './app.setup';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { InvalidEnvironmentError, loadEnvironment } from './config/environment';
import { DatabaseConnection } from './database/database-connection';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  loadEnvironment(); // fail fast with a readable message before anything starts
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, abortOnError: false });
  setUpApplication(app);
  const config = app.get(AppConfig);
  await app.listen(config.port);

  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const logger = new NestLogger('Bootstrap');
  logger.log(`chaeum is up in ${Date.now() - started} ms`);
  logger.log(`API:      ${base}/${API_PREFIX}  (health: ${base}/${API_PREFIX}/health)`);
  logger.log(`API docs: ${base}/${DOCS_PATH}  (OpenAPI JSON: ${base}/${DOCS_PATH}-json)`);
  logger.log(`Database: ${app.get(DatabaseConnection).describe()}`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
  } else {
    console.error('chaeum failed to start:', error);
  }
  process.exit(1);
});
