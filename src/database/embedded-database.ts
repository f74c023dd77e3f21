import { resolve } from 'node:path';
import { ConnectionOrderedQueue } from './connection-ordered-queue';
import { lockDataDir } from './data-dir-lock';
import { makePrivateDirectory } from './private-directory';

export interface EmbeddedDatabaseOptions {
  /** Folder holding the database files; created when missing, reused when present. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Concurrent client connections the socket server accepts. */
  maxConnections: number;
  /** Keep pglite-socket's own query queue (only to show, in a test, what ours fixes). */
  useUpstreamQueue?: boolean;
}

export interface EmbeddedDatabase {
  /** Connection string for the ordinary `pg` driver. */
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** PGlite's single built-in role and database; the socket server ignores credentials. */
export function embeddedDatabaseUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) and serves it over the PostgreSQL wire
 * protocol, so the `pg` driver, TypeORM and the migrations run unchanged. Only one process
 * may open a data folder at a time.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  // Loaded lazily: processes on a real PostgreSQL (and Jest test files, where PGlite's
  // dynamic imports fail) never load the WebAssembly engine.
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  const dataDir = resolve(options.dataDir);
  makePrivateDirectory(dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    // Extensions can only be loaded when the instance is created.
    const db = await PGlite.create({ dataDir, extensions: { btree_gist, pgcrypto } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port, maxConnections: options.maxConnections });
    // Each connection's handler takes the server's queue when the connection arrives, so
    // swapping it before start() covers every connection.
    if (!options.useUpstreamQueue) {
      (server as unknown as { queryQueue: ConnectionOrderedQueue }).queryQueue = new ConnectionOrderedQueue(db);
    }
    await server.start().catch(async (error: unknown) => {
      await db.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new Error(
        `Port ${options.port} for the embedded database is taken. Set EMBEDDED_DB_PORT to a free port (0 = any).`,
      );
    });
    const port = Number(server.getServerConn().split(':').pop());

    let stopping: Promise<void> | undefined;
    return {
      url: embeddedDatabaseUrl(port),
      dataDir,
      stop: () =>
        (stopping ??= (async () => {
          await server.stop();
          await db.close();
          unlock();
        })()),
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
