import { Clock, FixedClock } from '../../src/clock/clock';
import { rankCandidates } from '../../src/matching/core/rank-candidates';
import { InstanceBuilder } from '../../src/matching/instance-builder';
import { API } from './factories';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';

interface Named {
  seeker: { id: string; displayName: string };
}

describe('live candidates, first request of a service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(AS_OF)));
  });
  afterAll(() => t.close());

  it('answers before the pool knows any reach (the cosines are asked for afterwards) and records the names read in one entry', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 17);
    const [{ last }] = await t.dataSource.query(`SELECT coalesce(max(id), 0) AS last FROM access_log`);
    const response = await t.api.get(`${API}/leave-gaps/${gapIds[0]}/candidates?limit=100`).expect(200);
    const expected = rankCandidates(await t.app.get(InstanceBuilder).build({ leaveGapIds: [gapIds[0]] }, { asOf: AS_OF }), gapIds[0], 100)!;
    expect(response.body.candidates.map((c: Named) => c.seeker.id)).toEqual(expected.candidates.map((c) => c.seekerId));
    const named = [...response.body.candidates, ...response.body.nearMisses].filter((c: Named) => c.seeker.displayName).map((c: Named) => c.seeker.id);
    expect(named.length).toBeGreaterThan(1);
    const entries: { seeker_ids: string[]; action: string; fields: string[] }[] = await t.dataSource.query(
      `SELECT seeker_ids::text[] AS seeker_ids, action, fields FROM access_log WHERE id > $1`,
      [last],
    );
    expect(entries).toEqual([{ seeker_ids: expect.any(Array), action: 'leave-gaps.candidates', fields: ['displayName'] }]);
    expect([...entries[0].seeker_ids].sort()).toEqual([...new Set(named)].sort());
  });
});
