import { API, createComplex, createFirm, createLeaveGap, createSeeker } from './index';
import { insertFinishedRun, insertProposals, uniqueSkill } from './matching';
import type { TestApp } from '../support/test-app';

/**
 * The programme-report fixture (docs/reports.md works through it): three firms in two new
 * complexes, gaps of four leave types posted over three months, direct and referred hires, declines,
 * an early end, a cancelled gap and an unfilled one with the engine's diagnostics.
 *
 * Gaps, seekers and direct placements go through the API. What the API cannot set is written here
 * with SQL, and only here:
 * - the day a gap was posted and a direct placement confirmed (created_at), since the report is
 *   about the past and the API stamps the real now;
 * - referrals and their steps: the referrals module (src/referrals) is built in parallel; until
 *   its endpoints exist the rows are written the way its lifecycle will (proposal referred →
 *   confirmed on hire, rejected on a decline, with the steps append-only);
 * - match-run diagnostics (match_run_unfilled) of two finished runs.
 */
export interface ReportFixture {
  complexA: { id: string; name: string };
  complexB: { id: string; name: string };
  skillA: string;
  skillB: string;
  gaps: Record<'g1' | 'g2' | 'g3' | 'g4' | 'g5' | 'g6' | 'g7' | 'g9' | 'g10', string>;
  placements: Record<'g1' | 'g2' | 'g3' | 'g6', string>;
}

type Step = { status: string; at: string; reasonCode?: string | null; effectiveDate?: string };

const seoul = (day: string, time = '09:00') => `${day}T${time}:00+09:00`;

const maternity = { leaveType: 'maternity', leaveStart: '2027-03-01', leaveEnd: '2027-05-29' };
const parental = { leaveType: 'parental', leaveStart: '2027-04-01', leaveEnd: '2027-09-30' };
const reducedHours = { leaveType: 'reduced_hours', leaveStart: '2027-04-01', leaveEnd: '2027-09-30', reducedWeeklyHours: 30 };
const infertility = { leaveType: 'infertility_treatment', leaveStart: '2027-03-02', leaveEnd: '2027-03-05' };

export async function buildReportFixture(t: TestApp): Promise<ReportFixture> {
  const skillA = uniqueSkill('report-cnc');
  const skillB = uniqueSkill('report-weld');
  const suffix = skillA.slice(-8);
  const complexA = await createComplex(t, { name: `가 보고서단지 ${suffix}`, region: '서울 금천구', centroid: { lat: 37.4813, lng: 126.8827 } });
  const complexB = await createComplex(t, { name: `나 보고서단지 ${suffix}`, region: '경상북도 구미시', centroid: { lat: 36.1136, lng: 128.3446 } });
  const seoulSite = { lat: 37.4772, lng: 126.8826 };
  const gumiSite = { lat: 36.1136, lng: 128.3446 };
  const f1 = await createFirm(t, { complexId: complexA.id, address: '서울 금천구 가산디지털1로 1', employeeCount: 20, prioritySupport: true, site: seoulSite });
  const f2 = await createFirm(t, { complexId: complexA.id, address: '서울특별시 구로구 디지털로 2', employeeCount: 48, prioritySupport: true, site: seoulSite });
  const f3 = await createFirm(t, { complexId: complexB.id, address: '경북 구미시 산호대로 3', employeeCount: 10, prioritySupport: false, site: gumiSite });

  const gap = async (firmId: string, skill: string, terms: Record<string, unknown>) =>
    (
      await createLeaveGap(t, firmId, {
        ...terms,
        handoverDays: 0,
        roleTitle: '생산직',
        requiredSkills: [{ code: skill, level: 2 }],
        preferredSkills: [],
        requiredCertifications: [],
        weeklyHours: 40,
        hourlyWage: 12_500,
      })
    ).id;
  const gaps = {
    g1: await gap(f1.id, skillA, maternity),
    g2: await gap(f1.id, skillA, parental),
    g3: await gap(f2.id, skillB, reducedHours),
    g4: await gap(f2.id, skillA, maternity),
    g5: await gap(f3.id, skillB, parental),
    g6: await gap(f3.id, skillA, maternity),
    g7: await gap(f3.id, skillB, infertility),
    g9: await gap(f1.id, skillA, maternity),
    g10: await gap(f2.id, skillB, parental),
  };
  await postedAt(t, gaps.g1, seoul('2026-09-10'));
  await postedAt(t, gaps.g2, seoul('2026-10-05'));
  await postedAt(t, gaps.g3, seoul('2026-10-20'));
  await postedAt(t, gaps.g4, seoul('2026-11-02'));
  await postedAt(t, gaps.g5, seoul('2026-11-15'));
  await postedAt(t, gaps.g6, seoul('2026-10-25'));
  await postedAt(t, gaps.g7, '2026-08-31T15:30:00Z'); // 2026-09-01 00:30 in Seoul: September
  await postedAt(t, gaps.g9, '2026-08-31T14:30:00Z'); // 2026-08-31 23:30 in Seoul: August
  await postedAt(t, gaps.g10, '2026-11-30T15:00:00Z'); // 2026-12-01 00:00 in Seoul: December

  const seeker = async (home = { lat: 37.4602, lng: 126.8955 }) =>
    (
      await createSeeker(t, {
        home,
        skills: [
          { code: skillA, level: 3 },
          { code: skillB, level: 3 },
        ],
        certifications: [],
        weeklyHours: { min: 10, max: 40 },
        availability: [{ start: '2027-01-01', end: '2027-12-31' }],
      })
    ).id;
  // One run per proposal: a run proposes one seeker per gap.
  const propose = async (leaveGapId: string, seekerId: string) => (await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId, seekerId }]))[0];
  const confirm = async (proposalId: string) => {
    const response = await t.api.post(`${API}/proposals/${proposalId}/confirm`);
    if (response.status !== 201) throw new Error(`confirm: ${response.status} ${response.text}`);
    return response.body.placement.id as string;
  };
  const referral = (leaveGapId: string, firmId: string) => async (steps: Step[], hire?: { start: string }) => {
    const seekerId = await seeker();
    const proposalId = await propose(leaveGapId, seekerId);
    const placementId = hire ? await confirm(proposalId) : null;
    if (!hire) await decided(t, proposalId, steps.at(-1)!.at);
    await insertReferral(t, { proposalId, leaveGapId, seekerId, firmId, placementId, startDate: hire?.start ?? null, steps });
    return placementId;
  };

  // G1: a seeker declines (commute); the next is hired on 2026-09-30 and kept 30 days.
  await referral(gaps.g1, f1.id)([
    { status: 'offered', at: seoul('2026-09-12') },
    { status: 'seeker_declined', at: seoul('2026-09-13'), reasonCode: 'commute' },
  ]);
  const p1 = await referral(gaps.g1, f1.id)(
    [
      { status: 'offered', at: seoul('2026-09-15') },
      { status: 'seeker_accepted', at: seoul('2026-09-16') },
      { status: 'firm_interview', at: seoul('2026-09-20') },
      { status: 'hired', at: seoul('2026-09-30', '10:00'), effectiveDate: '2027-03-01' },
      { status: 'retained_30_days', at: seoul('2027-03-31') },
    ],
    { start: '2027-03-01' },
  );
  // G2: the firm declines one (skills); the next is hired on 2026-10-15 and quits early.
  await referral(gaps.g2, f1.id)([
    { status: 'offered', at: seoul('2026-10-06') },
    { status: 'seeker_accepted', at: seoul('2026-10-07') },
    { status: 'firm_declined', at: seoul('2026-10-09'), reasonCode: 'skills' },
  ]);
  const p2 = await referral(gaps.g2, f1.id)(
    [
      { status: 'offered', at: seoul('2026-10-10') },
      { status: 'seeker_accepted', at: seoul('2026-10-11') },
      { status: 'hired', at: seoul('2026-10-15', '15:00'), effectiveDate: '2027-04-01' },
      { status: 'ended_early', at: seoul('2027-04-20'), reasonCode: 'seeker_quit', effectiveDate: '2027-04-20' },
    ],
    { start: '2027-04-01' },
  );
  // G3 and G6: confirmed directly, without a referral.
  const p3 = await confirm(await propose(gaps.g3, await seeker()));
  await confirmedAt(t, p3, seoul('2026-11-04', '11:00'));
  const p6 = await confirm(await propose(gaps.g6, await seeker({ lat: 36.1201, lng: 128.3502 })));
  await confirmedAt(t, p6, '2026-11-27T15:30:00Z'); // 2026-11-28 00:30 in Seoul
  // G4: a seeker declines (wage), the firm declines another without a reason; still open.
  await referral(gaps.g4, f2.id)([
    { status: 'offered', at: seoul('2026-11-03') },
    { status: 'seeker_declined', at: seoul('2026-11-04'), reasonCode: 'wage' },
  ]);
  await referral(gaps.g4, f2.id)([
    { status: 'offered', at: seoul('2026-11-05') },
    { status: 'seeker_accepted', at: seoul('2026-11-06') },
    { status: 'firm_declined', at: seoul('2026-11-08'), reasonCode: null },
  ]);
  // G5: referred, withdrawn when the firm cancelled the gap.
  await referral(gaps.g5, f3.id)([
    { status: 'offered', at: seoul('2026-11-16') },
    { status: 'withdrawn', at: seoul('2026-11-18'), reasonCode: 'gap_cancelled' },
  ]);
  const cancelled = await t.api.post(`${API}/leave-gaps/${gaps.g5}/cancel`);
  if (cancelled.status !== 200) throw new Error(`cancel: ${cancelled.status} ${cancelled.text}`);

  // Diagnostics: an older run found G4 out of commute reach, the latest mostly below its wage.
  // G1's old entry (it was filled later) must not count.
  const olderRun = await insertFinishedRun(t);
  const latestRun = await insertFinishedRun(t);
  await finishedAt(t, olderRun, seoul('2026-11-10'));
  await finishedAt(t, latestRun, seoul('2026-11-20'));
  await insertUnfilled(t, olderRun, gaps.g4, { commute: 9 });
  await insertUnfilled(t, olderRun, gaps.g1, { dates: 50 });
  await insertUnfilled(t, latestRun, gaps.g4, { skills: 3, wage: 6, commute: 1 });

  return {
    complexA: { id: complexA.id, name: complexA.name as string },
    complexB: { id: complexB.id, name: complexB.name as string },
    skillA,
    skillB,
    gaps,
    placements: { g1: p1!, g2: p2!, g3: p3, g6: p6 },
  };
}

async function postedAt(t: TestApp, gapId: string, at: string): Promise<void> {
  await t.dataSource.query(`UPDATE leave_gaps SET created_at = $2 WHERE id = $1`, [gapId, at]);
}

async function confirmedAt(t: TestApp, placementId: string, at: string): Promise<void> {
  await t.dataSource.query(`UPDATE placements SET created_at = $2 WHERE id = $1`, [placementId, at]);
}

async function finishedAt(t: TestApp, runId: string, at: string): Promise<void> {
  await t.dataSource.query(`UPDATE match_runs SET finished_at = $2 WHERE id = $1`, [runId, at]);
}

async function decided(t: TestApp, proposalId: string, at: string): Promise<void> {
  await t.dataSource.query(`UPDATE proposals SET status = 'rejected', decided_at = $2, reason = 'referral declined' WHERE id = $1`, [proposalId, at]);
}

const NO_EXCLUSIONS = { skills: 0, certifications: 0, dates: 0, hours: 0, wage: 0, commute: 0, blocked: 0 };

async function insertUnfilled(t: TestApp, runId: string, leaveGapId: string, excludedBy: Partial<typeof NO_EXCLUSIONS>): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO match_run_unfilled (match_run_id, leave_gap_id, feasible_candidates, excluded_by, near_misses) VALUES ($1, $2, 0, $3, '[]')`,
    [runId, leaveGapId, JSON.stringify({ ...NO_EXCLUSIONS, ...excludedBy })],
  );
}

/** A referral's current row and its steps, as the referral lifecycle writes them. */
async function insertReferral(
  t: TestApp,
  referral: { proposalId: string; leaveGapId: string; seekerId: string; firmId: string; placementId: string | null; startDate: string | null; steps: Step[] },
): Promise<void> {
  const last = referral.steps.at(-1)!;
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, reason_code, placement_id, start_date, ended_on, offered_at, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      referral.proposalId,
      referral.leaveGapId,
      referral.seekerId,
      referral.firmId,
      last.status,
      last.reasonCode ?? null,
      referral.placementId,
      referral.startDate,
      last.status === 'ended_early' ? last.effectiveDate : null,
      referral.steps[0].at,
      last.at,
    ],
  );
  for (const step of referral.steps) {
    await t.dataSource.query(
      `INSERT INTO referral_steps (referral_id, status, reason_code, effective_date, actor_role, occurred_at) VALUES ($1, $2, $3, $4, 'coordinator', $5)`,
      [id, step.status, step.reasonCode ?? null, step.effectiveDate ?? null, step.at],
    );
  }
}
