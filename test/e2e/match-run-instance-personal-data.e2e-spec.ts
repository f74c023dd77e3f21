import { AccessLogService } from '../../src/access-log/access-log.service';
import { validateInstance } from '../../src/matching/core/validate-instance';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { insertBulkDataset, retireBulkDataset } from './factories/bulk-matching-data';
import { gap2027, runToSuccess, seeker2027, uniqueSkill } from './factories/matching';
import { coordinator, seekerToken } from './support/auth';
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

  it('records a read of a national instance as one entry naming every seeker', async () => {
    // 12,000 seekers: one row per seeker would be more than PostgreSQL's 65,535 bind parameters.
    const data = await insertBulkDataset(t.dataSource, { gaps: 1, seekers: 12_000 });
    const subject = `national-download-${data.skill}`;
    try {
      await t.app.get(AccessLogService).recordRead(coordinator(subject), data.seekerIds, {
        action: 'match-runs.instance',
        fields: ['home'],
      });
      const rows = await t.dataSource.query(
        `SELECT seeker_id, (SELECT array_agg(id ORDER BY id) FROM unnest(seeker_ids) AS id) AS seeker_ids FROM access_log WHERE actor_subject = $1`,
        [subject],
      );
      expect(rows).toEqual([{ seeker_id: null, seeker_ids: [...data.seekerIds].sort() }]);
    } finally {
      await retireBulkDataset(t.dataSource, data);
      // The access log keeps them forever: out of every later list as withdrawn (erased) seekers too.
      await t.dataSource.query(
        `UPDATE seekers SET display_name = NULL, phone = NULL, email = NULL, home_lat = NULL, home_lng = NULL, skills = '[]',
                certifications = '{}', blocked_firm_ids = '{}', min_hourly_wage = NULL, status = 'withdrawn', withdrawn_at = now()
          WHERE id = ANY($1::uuid[])`,
        [data.seekerIds],
      );
    }
  });
});
