/**
 * Starts the embedded database in a fresh folder, sends it one heavy query, and while that runs
 * answers a chain of requests on this thread's own event loop (a TCP echo, round trip after
 * round trip). Prints one JSON line: the order in which the query and the chain finished.
 * Run as a child process: PGlite cannot be created inside a Jest test file.
 * `--calling-thread` runs PGlite on this thread, as before it had a thread of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../../src/database/embedded-database';

/** Seconds of PGlite's time on this machine, hundreds of times a local round trip. */
const HEAVY_SQL = 'SELECT count(*)::int AS n FROM generate_series(1, 3000000) AS a WHERE a % 7 = 3';
const ROUND_TRIPS = 20;

async function echoServer(): Promise<{ port: number; close(): void }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** ROUND_TRIPS requests, each sent when the previous one's answer has come back. */
async function chainOfRequests(port: number): Promise<void> {
  const socket: Socket = createConnection(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  for (let trip = 0; trip < ROUND_TRIPS; trip++) {
    const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write(`ping ${trip}\n`);
    await answered;
  }
  socket.destroy();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chaeum-event-loop-'));
  const database = await startEmbeddedDatabase({ dataDir, port: 0, maxConnections: 4, onCallingThread: process.argv.includes('--calling-thread') });
  const echo = await echoServer();
  const client = new Client({ connectionString: database.url });
  const finished: string[] = [];
  let counted = 0;
  try {
    await client.connect();
    await client.query('SELECT 1');
    const heavy = client.query(HEAVY_SQL).then(({ rows }) => {
      counted = rows[0].n;
      finished.push('heavy query');
    });
    const chain = chainOfRequests(echo.port).then(() => finished.push('requests on the event loop'));
    await Promise.all([heavy, chain]);
  } finally {
    await client.end().catch(() => undefined);
    echo.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ finished, counted })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
