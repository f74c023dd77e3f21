import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';

/**
 * The embedded database's thread from the outside: it starts (PGlite runs in a worker thread,
 * so unlike before this works from inside a Jest test file), refuses a taken port with the
 * message naming EMBEDDED_DB_PORT, and stops releasing the folder, whose data survives.
 * (Another process's lock is data-dir-lock.spec.ts's: this process may retake its own.)
 */
describe('the embedded database thread', () => {
  let root: string;
  let dataDir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'chaeum-embedded-thread-'));
    dataDir = join(root, 'pglite');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a taken port with the configuration hint and leaves the folder unlocked', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(startEmbeddedDatabase({ dataDir, port, maxConnections: 2 })).rejects.toThrow(
        `Port ${port} for the embedded database is taken. Set EMBEDDED_DB_PORT to a free port (0 = any).`,
      );
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    } finally {
      taken.close();
    }
  }, 180_000);

  it('serves, stops releasing the folder, and keeps the data for the next start', async () => {
    const first = await startEmbeddedDatabase({ dataDir, port: 0, maxConnections: 2 });
    try {
      const client = new Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await client.end();
    } finally {
      await first.stop();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await startEmbeddedDatabase({ dataDir, port: 0, maxConnections: 2 });
    try {
      const client = new Client({ connectionString: second.url });
      await client.connect();
      expect((await client.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      await client.end();
    } finally {
      await second.stop();
    }
  }, 180_000);
});
