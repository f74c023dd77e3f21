import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { jsonBodyParser } from './common/body-parsing';
import { assignRequestId } from './common/request-id';
import { refuseResidentNumbers } from './common/resident-registration-number';
import { BEARER_SCHEME, COOKIE_SCHEME } from './auth/api-docs';
import { AppConfig } from './config/app-config';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
export const BODY_LIMIT = '100kb';

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
  // Default security headers; the Swagger UI loads only same-origin scripts, so the default CSP fits.
  app.use(helmet());
  app.use(noStore);
  // Every answer is no-store, so no client revalidates: hashing each body for an ETag is wasted.
  app.set('etag', false);
  const corsOrigins = app.get(AppConfig).corsOrigins;
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: corsOrigins,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-CSRF-Token'],
      exposedHeaders: ['X-Request-Id'],
      maxAge: 600,
    });
  }
  app.use(jsonBodyParser(BODY_LIMIT));
  app.use(refuseResidentNumbers);
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  const document = openApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}

/**
 * The OpenAPI document of the application (global prefix set). Also built without a database
 * by `npm run openapi` (an app created in preview mode) to generate the console's typed client.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('chaeum (채움)')
      .setDescription('Matches substitute workers to the leave gaps of small firms (Talent Bank, 워라밸 행복산단).')
      .setVersion('1')
      .addBearerAuth(undefined, BEARER_SCHEME)
      .addCookieAuth(COOKIE_SCHEME, undefined, COOKIE_SCHEME)
      .build(),
  );
}

/** Responses carry personal data: no browser or proxy may keep a copy. */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
