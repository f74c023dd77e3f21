import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedPortTakenError, EmbeddedServer, EmbeddedServerOptions, serveEmbeddedDatabase } from './embedded-database-server';
import type { EmbeddedWorkerReply, EmbeddedWorkerRequest } from './embedded-database-messages';

/**
 * Runs in a worker thread: PGlite's queries, synchronous WebAssembly, block this thread's event
 * loop instead of the service's. The service speaks to it over the socket only.
 */
const port = parentPort!;
const reply = (message: EmbeddedWorkerReply) => port.postMessage(message);
let server: EmbeddedServer | undefined;

port.on('message', (request: EmbeddedWorkerRequest) => {
  if (request.type !== 'stop') return;
  (server?.stop() ?? Promise.resolve()).then(
    () => reply({ type: 'stopped' }),
    (error: unknown) => reply({ type: 'failed', message: describe(error) }),
  );
});

serveEmbeddedDatabase(workerData as EmbeddedServerOptions).then(
  (started) => {
    server = started;
    reply({ type: 'ready', port: started.port });
  },
  (error: unknown) => {
    reply(error instanceof EmbeddedPortTakenError ? { type: 'port-taken', port: error.port } : { type: 'failed', message: describe(error) });
  },
);

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
