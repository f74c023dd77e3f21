import { Clock, FixedClock } from '../../src/clock/clock';
import { rankCandidates } from '../../src/matching/core/rank-candidates';
import { CandidatesService } from '../../src/matching/candidates.service';
import { InstanceBuilder } from '../../src/matching/instance-builder';
import { plausibleSeekers } from '../../src/matching/plausible-seekers';
import { API } from './factories';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';

describe('live candidates read only the seekers the database finds plausible', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(AS_OF)));
  });
  afterAll(() => t.close());

  it.each([11, 23, 37, 41, 53, 67])('gives the same ranking and diagnostics as the whole neighbourhood (seed %i)', async (seed) => {
    const { gapIds } = await insertRandomMatchingData(t, seed);
    const builder = t.app.get(InstanceBuilder);
    const service = t.app.get(CandidatesService);
    let plausibleTotal = 0;
    let neighbourhoodTotal = 0;
    let feasibleTotal = 0;
    for (const gapId of gapIds) {
      const whole = await builder.build({ leaveGapIds: [gapId] }, { asOf: AS_OF });
      const expected = rankCandidates(whole, gapId, 1_000);
      const narrowed = await service.rank(gapId, AS_OF, 1_000);
      expect(narrowed).toEqual(expected);
      neighbourhoodTotal += whole.seekers.length;
      feasibleTotal += expected?.feasibleCandidates ?? 0;
      let readSeekers = 0;
      await builder.build(
        { leaveGapIds: [gapId] },
        {
          asOf: AS_OF,
          seekerFilter: async (manager, vacancies) => {
            const plausible = await plausibleSeekers(manager, vacancies[0]);
            readSeekers = plausible.seekerIds.length;
            return plausible.seekerIds;
          },
        },
      );
      plausibleTotal += readSeekers;
    }
    // The data must exercise both sides: some feasible pairs, and seekers the filter leaves out.
    expect(feasibleTotal).toBeGreaterThan(0);
    expect(plausibleTotal).toBeLessThan(neighbourhoodTotal);
  });

  it('answers the HTTP view from the narrowed ranking', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 5);
    const response = await t.api.get(`${API}/leave-gaps/${gapIds[0]}/candidates?limit=100`).expect(200);
    const expected = rankCandidates(await t.app.get(InstanceBuilder).build({ leaveGapIds: [gapIds[0]] }, { asOf: AS_OF }), gapIds[0], 100)!;
    expect(response.body.excludedBy).toEqual(expected.excludedBy);
    expect(response.body.feasibleCandidates).toBe(expected.feasibleCandidates);
    expect(response.body.candidates.map((c: { seeker: { id: string } }) => c.seeker.id)).toEqual(expected.candidates.map((c) => c.seekerId));
  });
});
