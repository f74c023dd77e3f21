import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../src/app.module';
import { APPLICATION_OPTIONS, setUpApplication } from '../../../src/app.setup';
import { Clock, FixedClock } from '../../../src/clock/clock';
import { coordinatorToken } from './auth';
import { TEST_TODAY } from './test-today';

export interface TestApp {
  app: NestExpressApplication;
  /**
   * supertest bound to the app, sending a coordinator's bearer token by default:
   * `api.get('/api/v1/firms')`. Override per request: `.set('Authorization', firmToken(id))`.
   */
  api: ReturnType<typeof request.agent>;
  /** supertest bound to the app without any token. */
  anonymous: ReturnType<typeof request>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real AppModule on the test database, set up exactly as main.ts does. Tests build their
 * own data (random unique values) and never truncate, so files and engineers do not collide.
 * The Clock reads TEST_TODAY (a spec may pin another day through `customize`).
 */
export async function createTestApp(
  /** Overrides for one spec, e.g. a configuration value or where the log goes; none by default. */
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestApp> {
  const pinned = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(Clock).useValue(FixedClock.onSeoulDay(TEST_TODAY));
  const moduleRef = await customize(pinned).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(APPLICATION_OPTIONS);
  setUpApplication(app);
  await app.init();
  return {
    app,
    api: request.agent(app.getHttpServer()).set('Authorization', coordinatorToken()),
    anonymous: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
