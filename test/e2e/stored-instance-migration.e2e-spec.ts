import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { postgresOptions } from '../../src/database/typeorm-options';
import { StoredInstanceAsText1795688500000 } from '../../migrations/1795688500000-StoredInstanceAsText';

/**
 * The stored instance moved from jsonb to text with its seekers beside it: runs stored before
 * keep their instance and gain the list of its seekers, and the way back restores the jsonb.
 */
describe('migration StoredInstanceAsText', () => {
  const url = new URL(process.env.DATABASE_URL as string);
  const fresh = `${url.pathname.slice(1)}_instance_${randomUUID().slice(0, 8)}`;
  const admin = new DataSource(postgresOptions({ url: url.href, poolSize: 1 }));
  const database = new DataSource(postgresOptions({ url: Object.assign(new URL(url.href), { pathname: `/${fresh}` }).href, poolSize: 1 }));
  // One connection: the migration's runner and the checks share it.
  const migration = new StoredInstanceAsText1795688500000();
  const seekers = [randomUUID(), randomUUID()];
  const instance = { vacancies: [], seekers: seekers.map((id) => ({ id, location: { lat: 37.48, lng: 126.88 } })), asOf: '2026-03-02' };

  beforeAll(async () => {
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${fresh}"`);
    await database.initialize();
    await database.runMigrations();
  });
  afterAll(async () => {
    await database.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
    await admin.destroy();
  });

  async function insertRun(runner: QueryRunner, instanceValue: string | null): Promise<string> {
    const [row] = await runner.query(
      `INSERT INTO match_runs (scope, scope_period, time_limit_ms, as_of, instance)
       VALUES ('{}', daterange('2026-03-02', '2026-09-01'), 20000, '2026-03-02', $1::jsonb) RETURNING id`,
      [instanceValue],
    );
    return row.id;
  }

  it('keeps every stored instance, lists its seekers, and goes back to jsonb', async () => {
    const runner = database.createQueryRunner();
    try {
      await migration.down(runner);
      const withInstance = await insertRun(runner, JSON.stringify(instance));
      const without = await insertRun(runner, null);

      await migration.up(runner);
      const after = await runner.query(`SELECT id, instance, instance_seeker_ids FROM match_runs ORDER BY id`);
      const stored = after.find((row: { id: string }) => row.id === withInstance);
      expect(JSON.parse(stored.instance)).toEqual(instance);
      expect([...stored.instance_seeker_ids].sort()).toEqual([...seekers].sort());
      expect(after.find((row: { id: string }) => row.id === without)).toMatchObject({ instance: null, instance_seeker_ids: null });
      await expect(runner.query(`UPDATE match_runs SET instance = '{}' WHERE id = $1`, [without])).rejects.toThrow(/ck_match_runs_instance_seekers/);

      await migration.down(runner);
      const [back] = await runner.query(`SELECT jsonb_typeof(instance) AS kind, instance FROM match_runs WHERE id = $1`, [withInstance]);
      expect(back).toEqual({ kind: 'object', instance });
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
