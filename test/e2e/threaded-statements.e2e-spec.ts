import { QueryFailedError } from 'typeorm';
import { DatabaseConnection } from '../../src/database/database-connection';
import { ThreadedStatements } from '../../src/database/threaded-statements';
import { createTestApp, TestApp } from './support/test-app';

/** Bytes in shared memory, as a run's instance is. */
function sharedBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(length));
  for (let i = 0; i < length; i++) bytes[i] = i % 251;
  return bytes;
}

describe('statements run on the statement thread', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends large shared bytes and text as they are, and says how many rows it touched', async () => {
    const bytes = sharedBytes(3 * 2 ** 20 + 17);
    const statements = t.app.get(ThreadedStatements);
    const sql = `SELECT 1 FROM generate_series(1, $3::int) WHERE length($1::bytea) = $2::int AND md5($1::bytea) = $4 AND $5::text = '채움'`;
    const md5 = (await t.dataSource.query(`SELECT md5($1::bytea) AS md5`, [Buffer.from(bytes)]))[0].md5;
    await expect(statements.run(sql, [bytes, bytes.length, 3, md5, '채움'])).resolves.toBe(3);
    await expect(statements.run(sql, [bytes, bytes.length + 1, 3, md5, '채움'])).resolves.toBe(0);
  });

  it('fails as the pool would, with the code and constraint, and the next statement reconnects', async () => {
    const statements = t.app.get(ThreadedStatements);
    const failing = statements.run(`INSERT INTO match_runs (id) VALUES ($1)`, ['not-a-uuid']);
    await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failing).rejects.toMatchObject({ driverError: { code: '22P02' } });
    const violating = statements.run(`SELECT 1 / $1::int`, [0]);
    await expect(violating).rejects.toMatchObject({ driverError: { code: '22012' } });
    await expect(statements.run(`SELECT 1`, [])).resolves.toBe(1);
  });

  it('rejects when the database cannot be reached, and stops with the service', async () => {
    const unreachable = new ThreadedStatements(new DatabaseConnection('postgres://postgres@127.0.0.1:1/none'));
    await expect(unreachable.run(`SELECT 1`, [])).rejects.toBeInstanceOf(QueryFailedError);
    await unreachable.onModuleDestroy();
    await expect(unreachable.run(`SELECT 1`, [])).rejects.toThrow(/stopping/);
  });
});
