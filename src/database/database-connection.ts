import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { describeDatabaseUrl } from './typeorm-options';

/** Connections beyond the TypeORM pool: pg-boss's own pool, the statement thread's (ThreadedStatements), the demo seeder, a psql session. */
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

  /**
   * `text` as a named prepared statement, for what a hot path sends on every request: each
   * pooled connection then parses and plans it once, not on every call (a live-candidates answer
   * spent ~0.2 ms of PostgreSQL's CPU per statement planning). Pass the result to `query()` as
   * the SQL: TypeORM hands it to pg's `client.query` untouched, which takes a query config as
   * well as a string, and logs it as its text. On the embedded database every connection shares
   * PGlite's one session, where a name another connection prepared would collide (42P05): there
   * the statement stays unnamed. `name` must be unique to `text` across the service.
   */
  statement(name: string, text: string): string {
    if (this.embedded) return text;
    return { name, text, toString: () => text } as unknown as string;
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
