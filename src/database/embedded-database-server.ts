import { ConnectionOrderedQueue } from './connection-ordered-queue';

export interface EmbeddedServerOptions {
  /** Absolute folder of the database files (created and locked by the caller). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  maxConnections: number;
  useUpstreamQueue?: boolean;
}

export interface EmbeddedServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** Thrown when the port is taken, so the thread that started us can say which variable to change. */
export class EmbeddedPortTakenError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} for the embedded database is taken. Set EMBEDDED_DB_PORT to a free port (0 = any).`);
    this.name = 'EmbeddedPortTakenError';
  }
}

/**
 * PGlite and its socket server in the calling thread. Every query runs synchronously in
 * WebAssembly on this thread, so the service calls this from a worker thread of its own
 * (embedded-database.worker.ts); only a test runs it on a main thread, to show the difference.
 */
export async function serveEmbeddedDatabase(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  // Loaded lazily: processes on a real PostgreSQL never load the WebAssembly engine.
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  // Extensions can only be loaded when the instance is created.
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { btree_gist, pgcrypto } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port, maxConnections: options.maxConnections });
  // Each connection's handler takes the server's queue when the connection arrives, so
  // swapping it before start() covers every connection.
  if (!options.useUpstreamQueue) {
    (server as unknown as { queryQueue: ConnectionOrderedQueue }).queryQueue = new ConnectionOrderedQueue(db);
  }
  await server.start().catch(async (error: unknown) => {
    await db.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new EmbeddedPortTakenError(options.port);
  });
  let stopping: Promise<void> | undefined;
  return {
    port: Number(server.getServerConn().split(':').pop()),
    stop: () =>
      (stopping ??= (async () => {
        await server.stop();
        await db.close();
      })()),
  };
}
