import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import type { ThreadedParameter, ThreadedStatementReply, ThreadedStatementRequest, ThreadedStatementsData } from './threaded-statement-messages';

const CONNECT_TIMEOUT_MS = 10_000;
const { url } = workerData as ThreadedStatementsData;

/** One connection, opened on first use and again after any failure (the next statement reconnects). */
let client: Promise<Client> | undefined;

function connected(): Promise<Client> {
  client ??= (async () => {
    const opened = new Client({ connectionString: url, application_name: 'chaeum', connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection's socket error would otherwise be an unhandled 'error' event.
    opened.on('error', () => forget(opened));
    await opened.connect();
    return opened;
  })();
  client.catch(() => (client = undefined));
  return client;
}

function forget(failed: Client): void {
  client = undefined;
  failed.end().catch(() => undefined);
}

const asDriverParameter = (parameter: ThreadedParameter) =>
  parameter instanceof Uint8Array ? Buffer.from(parameter.buffer, parameter.byteOffset, parameter.byteLength) : parameter;

async function run(request: ThreadedStatementRequest): Promise<ThreadedStatementReply> {
  let used: Client | undefined;
  try {
    used = await connected();
    const result = await used.query(request.sql, request.parameters.map(asDriverParameter));
    return { id: request.id, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    if (used) forget(used);
    const { name, message, code, constraint } = error as Error & { code?: unknown; constraint?: unknown };
    return {
      id: request.id,
      failure: { name, message, code: typeof code === 'string' ? code : undefined, constraint: typeof constraint === 'string' ? constraint : undefined },
    };
  }
}

parentPort!.on('message', (request: ThreadedStatementRequest) => {
  void run(request).then((reply) => parentPort!.postMessage(reply));
});
