import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../../../src/config/environment';
import { startEmbeddedDatabase } from '../../../src/database/embedded-database';
import { postgresOptions } from '../../../src/database/typeorm-options';
import { assertTestDatabase } from './test-database';
import { EMBEDDED_TEST_DATABASE } from './test-globals';

/**
 * Runs once in Jest's parent process before the e2e files (which run in band): picks the
 * database, runs the migrations once, and hands the URL to the tests through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const environment = loadEnvironment();
  let url = environment.DATABASE_URL;
  if (url) {
    assertTestDatabase(url);
  } else {
    // PGlite must start here: inside a test file its dynamic imports fail under Jest's VM.
    const embedded = await startEmbeddedDatabase({
      dataDir: mkdtempSync(join(tmpdir(), 'chaeum-test-')),
      port: 0,
      maxConnections: environment.DB_POOL_SIZE + 10,
    });
    (globalThis as Record<symbol, unknown>)[EMBEDDED_TEST_DATABASE] = embedded;
    url = embedded.url;
    process.env.DATABASE_URL = url;
  }
  // Request logs of expected 4xx answers would drown the test output.
  process.env.LOG_LEVEL ??= 'error';
  // Hundreds of requests a second from one address are what the tests do, not an attack.
  process.env.THROTTLE_LIMIT ??= '1000000';

  Logger.overrideLogger(['error', 'warn']);
  const dataSource = new DataSource(postgresOptions({ url, poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
