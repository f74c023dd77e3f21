import type { Instance } from '../../src/matching/core/types';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, runToSuccess, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

/** docs/matching-contract.md: a seeker's waitingSince is "registered or last placement ended". */
describe('the instance builder: waitingSince', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is the end of the last placement that has begun when that is later than the registration, else the registration', async () => {
    const skill = uniqueSkill('waiting');
    const firm = await createFirm(t);
    const target = await createLeaveGap(t, firm.id, gap2027(skill));
    const earlier = await createLeaveGap(t, firm.id, gap2027(uniqueSkill('other'), { roleTitle: '이전 업무' }));
    const placed = await createSeeker(t, seeker2027(skill, { waitingSince: '2024-01-01' }));
    const neverPlaced = await createSeeker(t, seeker2027(skill, { waitingSince: '2024-01-01' }));
    // A placement that ended last year: waiting starts again on its last day.
    await t.dataSource.query(
      `INSERT INTO placements (seeker_id, leave_gap_id, period, status) VALUES ($1, $2, '[2025-03-01,2025-06-30]', 'confirmed')`,
      [placed.id, earlier.id],
    );

    const run = await runToSuccess(t, { leaveGapIds: [target.id] });
    const instance: Instance = (await t.api.get(`${API}/match-runs/${run.id}/instance`).expect(200)).body;

    const waitingSince = (id: string) => instance.seekers.find((seeker) => seeker.id === id)?.waitingSince;
    expect(waitingSince(placed.id)).toBe('2025-06-30');
    expect(waitingSince(neverPlaced.id)).toBe('2024-01-01');
  });
});
