import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { jsonBodyParser } from './common/body-parsing';
import { assignRequestId } from './common/request-id';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
export const BODY_LIMIT = '1mb';

/** Options for NestFactory.create / createNestApplication; setUpApplication installs the body parser. */
export const APPLICATION_OPTIONS = { bodyParser: false, bufferLogs: true } as const;

/**
 * Everything that makes the Nest application the chaeum HTTP service; main.ts and the
 * end-to-end tests both call it, so tests exercise what production runs. Create the
 * application with APPLICATION_OPTIONS.
 */
export function setUpApplication(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // First middleware: even a request that body-parser rejects gets an id.
  app.use(assignRequestId);
  app.use(jsonBodyParser(BODY_LIMIT));
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('chaeum (채움)')
      .setDescription('Matches substitute workers to the leave gaps of small firms (Talent Bank, 워라밸 행복산단).')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
