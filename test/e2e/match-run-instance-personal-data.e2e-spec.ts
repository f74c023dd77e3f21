import { validateInstance } from '../../src/matching/core/validate-instance';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, runToSuccess, seeker2027, uniqueSkill } from './factories/matching';
import { seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/**
 * A match run's stored instance holds each candidate seeker's home location, skills, wage wish
 * and availability: personal data (PIPA) like the seeker's profile itself.
 */
describe('match-run instance: personal data of seekers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function runWithOneSeeker() {
    const skill = uniqueSkill('instance-pipa');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    // A home no other seeker of the shared database has, to look for it in the stored JSON.
    const home = { lat: Number((37.46 + Math.random() / 100).toFixed(6)), lng: 126.8911 };
    const seeker = await createSeeker(t, seeker2027(skill, { home }));
    const run = await runToSuccess(t, { leaveGapIds: [gap.id] });
    return { seeker, home, runId: run.id };
  }

  it('writes the download of the instance to the access log, for every seeker in it', async () => {
    const { seeker, runId } = await runWithOneSeeker();
    const instance = await t.api.get(`${API}/match-runs/${runId}/instance`).expect(200);
    expect(instance.body.seekers.map((s: { id: string }) => s.id)).toContain(seeker.id);

    const log = await t.api.get(`${API}/access-log`).query({ seekerId: seeker.id }).expect(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ seekerId: seeker.id, action: 'match-runs.instance', actor: expect.objectContaining({ role: 'coordinator' }) }),
    );
  });

  it('no longer holds a seeker who withdrew, neither in the download nor in the database', async () => {
    const { seeker, home, runId } = await runWithOneSeeker();
    await t.anonymous.delete(`${API}/seekers/${seeker.id}`).set('Authorization', seekerToken(seeker.id)).expect(204);

    const instance = await t.api.get(`${API}/match-runs/${runId}/instance`).expect(200);
    expect(instance.body.seekers.map((s: { id: string }) => s.id)).not.toContain(seeker.id);
    // What remains still loads in `npm run match -- --input FILE`.
    expect(validateInstance(instance.body)).toMatchObject({ ok: true });
    const [stored] = await t.dataSource.query(`SELECT instance::text AS text FROM match_runs WHERE id = $1`, [runId]);
    expect(stored.text).not.toContain(seeker.id);
    expect(stored.text).not.toContain(String(home.lat));
  });
});
