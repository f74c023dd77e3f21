import { Clock, FixedClock } from '../../src/clock/clock';
import { API, createLeaveGap, createSeeker, problemOf } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * One "today": the Clock's Asia/Seoul date, in TypeScript and in SQL alike. 01:00 in Seoul is
 * still the previous day in UTC (and far from the database server's own date).
 */
describe("today is Seoul's date from the Clock, also between 00:00 and 09:00 KST", () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2030-01-10T01:00:00+09:00'));

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(clock));
  });
  afterAll(() => t.close());

  async function seekerWithPlacementEnding(lastDay: string): Promise<string> {
    const seeker = await createSeeker(t);
    const gap = await createLeaveGap(t);
    await t.dataSource.query(`INSERT INTO placements (seeker_id, leave_gap_id, period) VALUES ($1, $2, daterange('2029-12-01', $3::date, '[]'))`, [
      seeker.id,
      gap.id,
      lastDay,
    ]);
    return seeker.id;
  }

  it('lets a seeker whose placement ended yesterday (Seoul) withdraw', async () => {
    const seekerId = await seekerWithPlacementEnding('2030-01-09');
    await t.api.delete(`${API}/seekers/${seekerId}`).expect(204);
  });

  it('refuses while the placement still runs today (Seoul)', async () => {
    const seekerId = await seekerWithPlacementEnding('2030-01-10');
    const refused = await t.api.delete(`${API}/seekers/${seekerId}`).expect(409);
    expect(problemOf(refused).code).toBe('seeker.placement_ongoing');
  });

  it("starts a new seeker's waiting time on the Clock's day", async () => {
    const seeker = await createSeeker(t);
    expect(seeker.waitingSince).toBe('2030-01-10');
  });
});
