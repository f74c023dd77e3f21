import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../common/worker-thread';
import { lockDataDir } from './data-dir-lock';
import type { EmbeddedWorkerReply, EmbeddedWorkerRequest } from './embedded-database-messages';
import { EmbeddedPortTakenError, serveEmbeddedDatabase, type EmbeddedServerOptions } from './embedded-database-server';
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
  /**
   * Run PGlite on the calling thread, as before it had a thread of its own (only to show, in a
   * test, that its queries then block the caller's event loop).
   */
  onCallingThread?: boolean;
  /** Told when the database's thread dies while it should be serving (the service logs it). */
  onUnexpectedExit?: (error: Error) => void;
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

/** How long a stopping thread gets to close PGlite (a checkpoint) before it is terminated. */
const STOP_GRACE_MS = 30_000;

function startWorker(options: EmbeddedServerOptions): Worker {
  return startWorkerThread(__filename, 'embedded-database.worker', { workerData: options });
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) in a worker thread and serves it over the
 * PostgreSQL wire protocol on 127.0.0.1, so the `pg` driver, TypeORM and the migrations run
 * unchanged, and a long query blocks only that thread, never the service's event loop. Only one
 * process may open a data folder at a time.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  makePrivateDirectory(dataDir);
  const unlock = lockDataDir(dataDir);
  const serverOptions: EmbeddedServerOptions = {
    dataDir,
    port: options.port,
    maxConnections: options.maxConnections,
    useUpstreamQueue: options.useUpstreamQueue,
  };
  try {
    if (options.onCallingThread) {
      const server = await serveEmbeddedDatabase(serverOptions);
      return { url: embeddedDatabaseUrl(server.port), dataDir, stop: () => server.stop().finally(unlock) };
    }
    const thread = await EmbeddedDatabaseThread.start(serverOptions, options.onUnexpectedExit);
    let stopping: Promise<void> | undefined;
    return { url: embeddedDatabaseUrl(thread.port), dataDir, stop: () => (stopping ??= thread.stop().finally(unlock)) };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** The worker thread that owns PGlite: started, asked to stop, watched for an early death. */
class EmbeddedDatabaseThread {
  private stopping = false;

  private constructor(
    private readonly worker: Worker,
    readonly port: number,
  ) {}

  static start(options: EmbeddedServerOptions, onUnexpectedExit?: (error: Error) => void): Promise<EmbeddedDatabaseThread> {
    const worker = startWorker(options);
    return new Promise((resolvePromise, reject) => {
      let thread: EmbeddedDatabaseThread | undefined;
      const fail = (error: Error) => {
        if (!thread) {
          reject(error);
          void worker.terminate();
        } else if (!thread.stopping) {
          onUnexpectedExit?.(error);
        }
      };
      worker.on('message', (reply: EmbeddedWorkerReply) => {
        if (reply.type === 'ready' && !thread) {
          thread = new EmbeddedDatabaseThread(worker, reply.port);
          resolvePromise(thread);
        } else if (reply.type === 'port-taken') {
          fail(new EmbeddedPortTakenError(reply.port));
        } else if (reply.type === 'failed') {
          fail(new Error(`the embedded database failed: ${reply.message}`));
        }
      });
      // An uncaught error in the thread (e.g. PGlite aborting); 'exit' follows.
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => fail(new Error(`the embedded database's thread exited (code ${code})`)));
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const stopped = new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`the embedded database did not stop within ${STOP_GRACE_MS} ms`)), STOP_GRACE_MS);
      const settle = (done: () => void) => {
        clearTimeout(timer);
        done();
      };
      this.worker.on('message', (reply: EmbeddedWorkerReply) => {
        if (reply.type === 'stopped') settle(resolvePromise);
        if (reply.type === 'failed') settle(() => reject(new Error(`the embedded database failed to stop: ${reply.message}`)));
      });
      this.worker.once('exit', () => settle(resolvePromise));
    });
    this.worker.postMessage({ type: 'stop' } satisfies EmbeddedWorkerRequest);
    try {
      await stopped;
    } finally {
      // PGlite is closed (or would not close in time): nothing is left for the thread to do.
      await this.worker.terminate();
    }
  }
}
