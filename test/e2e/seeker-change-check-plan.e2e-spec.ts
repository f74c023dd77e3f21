import { changedSinceSql } from '../../src/matching/seeker-pool';
import { createTestApp, TestApp } from './support/test-app';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const scansOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(scansOf)];

/**
 * Every live-candidates answer asks, in a named statement, whether a seeker changed since the
 * pool's snapshot. After five executions PostgreSQL may keep a generic plan, which knows
 * nothing of the snapshot's xmin: the check must still read only the changes at or above it
 * through the xid index, not the whole log (tens of thousands of rows after a bulk import).
 */
describe('the seeker change check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('uses the xid index under a generic plan, and still tells a change the snapshot did not see', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await runner.query(`PREPARE seeker_change_check(text) AS SELECT ${changedSinceSql('$1')} AS changed`);
      const [{ snapshot }] = await runner.query(`SELECT pg_current_snapshot()::text AS snapshot`);
      const check = async () => (await runner.query(`EXECUTE seeker_change_check('${snapshot}')`))[0].changed;
      expect(await check()).toBe(false);
      // A transaction that had not committed when the snapshot was taken: its xid is the snapshot's xmax or above.
      await runner.query(`INSERT INTO seeker_changes (xid, seeker_id) VALUES (pg_snapshot_xmax($1::pg_snapshot), gen_random_uuid())`, [snapshot]);
      expect(await check()).toBe(true);

      await runner.query(`INSERT INTO seeker_changes (xid, seeker_id) SELECT n::text::xid8, gen_random_uuid() FROM generate_series(3, 60002) n`);
      const [{ 'QUERY PLAN': [plan] }] = await runner.query(`EXPLAIN (FORMAT JSON) EXECUTE seeker_change_check('${snapshot}')`);
      const scans = scansOf(plan.Plan).filter((node) => node['Relation Name'] === 'seeker_changes');
      expect(scans.map((node) => node['Node Type'])).toEqual([expect.stringMatching(/^Index (Only )?Scan$/)]);
    } finally {
      await runner.rollbackTransaction();
      // Not transactional, and only this one: the driver keeps its own named statements on the connection.
      await runner.query(`DEALLOCATE seeker_change_check`).catch(() => undefined);
      await runner.release();
    }
  });
});
