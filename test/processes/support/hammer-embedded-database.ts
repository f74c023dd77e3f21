/**
 * Starts the embedded database in a fresh folder and sends it concurrent work through a
 * pool of ordinary `pg` connections; prints one JSON line with what came back wrong.
 * Run as a child process: PGlite cannot be created inside a Jest test file.
 * `--upstream-queue` keeps pglite-socket's own queue, to show what ours fixes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedDatabase } from '../../../src/database/embedded-database';

const QUERIES = 1000;
const TRANSACTIONS = 100;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chaeum-hammer-'));
  const database = await startEmbeddedDatabase({
    dataDir,
    port: 0,
    maxConnections: 20,
    useUpstreamQueue: process.argv.includes('--upstream-queue'),
  });
  const pool = new Pool({ connectionString: database.url, max: 10 });
  let wrongRows = 0;
  const errors = new Set<string>();
  // The upstream queue can answer a connection that is idle in the pool (a reply meant for
  // another): that is one of the errors to count, not a crash of this script.
  pool.on('error', (error: Error & { code?: string }) => errors.add(String(error.code ?? error)));
  try {
    await pool.query('CREATE TABLE hammer (id int PRIMARY KEY, owner int NOT NULL)');
    const query = async (n: number) => {
      // Different shapes per call, so one connection's Bind against another's Parse shows.
      const sql = n % 2 ? 'SELECT $1::int AS n, $2::text AS label' : 'SELECT $2::text AS label, $1::int AS n, 1 AS one';
      const { rows } = await pool.query(sql, [n, `q${n}`]);
      if (rows[0]?.n !== n || rows[0]?.label !== `q${n}`) wrongRows++;
    };
    const transaction = async (n: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO hammer (id, owner) VALUES ($1, $2)', [n, n]);
        const { rows } = await client.query('SELECT owner FROM hammer WHERE id = $1', [n]);
        if (rows[0]?.owner !== n) wrongRows++;
        await client.query(n % 4 === 0 ? 'ROLLBACK' : 'COMMIT');
      } finally {
        client.release();
      }
    };
    // Interleaved, so that transactions and plain queries really are in flight together.
    const work: Promise<void>[] = [];
    for (let n = 0; n < QUERIES; n++) {
      work.push(query(n));
      if (n % (QUERIES / TRANSACTIONS) === 0) work.push(transaction(n / (QUERIES / TRANSACTIONS)));
    }
    const outcomes = await Promise.allSettled(work);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') errors.add(String((outcome.reason as { code?: string }).code ?? outcome.reason));
    }
    const { rows } = await pool.query('SELECT count(*)::int AS kept FROM hammer');
    const expectedKept = Array.from({ length: TRANSACTIONS }, (_, n) => n).filter((n) => n % 4 !== 0).length;
    if (rows[0].kept !== expectedKept) wrongRows++;
  } finally {
    await pool.end().catch(() => undefined);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ wrongRows, errors: [...errors] })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
