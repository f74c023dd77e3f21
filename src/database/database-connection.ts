import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { describeDatabaseUrl } from './typeorm-options';

/** Connections beyond the TypeORM pool: pg-boss's own pool, the demo seeder, a psql session. */
const EXTRA_EMBEDDED_CONNECTIONS = 10;

/** Where the service's PostgreSQL is: the configured server, or the embedded one it started. */
export class DatabaseConnection {
  constructor(
    readonly url: string,
    /** Set when the service runs its own embedded database (and must stop it). */
    readonly embedded?: EmbeddedDatabase,
  ) {}

  /** For start-up messages: never includes user or password. */
  describe(): string {
    return this.embedded
      ? `embedded PostgreSQL (PGlite) in ${this.embedded.dataDir}, served at ${describeDatabaseUrl(this.url)}`
      : `PostgreSQL at ${describeDatabaseUrl(this.url)}`;
  }
}

async function connect(config: AppConfig): Promise<DatabaseConnection> {
  if (config.databaseUrl) return new DatabaseConnection(config.databaseUrl);
  const logger = new Logger('EmbeddedDatabase');
  const started = Date.now();
  const embedded = await startEmbeddedDatabase({
    dataDir: config.embeddedDatabaseDir,
    port: config.embeddedDatabasePort,
    maxConnections: config.databasePoolSize + EXTRA_EMBEDDED_CONNECTIONS,
    // Nothing restarts it: requests then fail and /health answers 503 until the service is restarted.
    onUnexpectedExit: (error) => logger.error(`stopped unexpectedly, restart the service: ${error.message}`),
  });
  logger.log(`started in ${Date.now() - started} ms (data in ${embedded.dataDir})`);
  return new DatabaseConnection(embedded.url, embedded);
}

@Module({
  providers: [{ provide: DatabaseConnection, inject: [AppConfig], useFactory: connect }],
  exports: [DatabaseConnection],
})
export class DatabaseConnectionModule {}
