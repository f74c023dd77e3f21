import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, pilotComplexIds, runToSuccess, seeker2027, uniqueSkill, waitForRun } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

describe('match runs: the coordinator workflow on the pilot complexes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs, proposes with breakdowns, confirms and rejects; a re-run keeps confirmed placements and never re-proposes a rejected pair', async () => {
    const complexes = await pilotComplexIds(t);
    const cnc = uniqueSkill('cnc');
    const injection = uniqueSkill('injection');
    const seoulFirm = await createFirm(t, { complexId: complexes.seoul, site: { lat: 37.4772, lng: 126.8826 } });
    const gumiFirm = await createFirm(t, {
      complexId: complexes.gumi,
      address: '경북 구미시 1공단로 212',
      site: { lat: 36.1136, lng: 128.3446 },
    });
    const seoulGaps = [
      await createLeaveGap(t, seoulFirm.id, gap2027(cnc)),
      await createLeaveGap(t, seoulFirm.id, gap2027(cnc, { roleTitle: 'CNC 선반', leaveStart: testDay(182), leaveEnd: testDay(271) })),
      await createLeaveGap(t, seoulFirm.id, gap2027(cnc, { roleTitle: '품질검사', requiredCertifications: ['forklift'] })),
    ];
    const gumiGaps = [
      await createLeaveGap(t, gumiFirm.id, gap2027(injection, { roleTitle: '사출 성형' })),
      await createLeaveGap(t, gumiFirm.id, gap2027(injection, { roleTitle: '사출 보조', leaveStart: testDay(121), leaveEnd: testDay(210) })),
    ];
    const seoulHome = { lat: 37.4602, lng: 126.8955 };
    const gumiHome = { lat: 36.12, lng: 128.33 };
    const seekers = [
      await createSeeker(t, seeker2027(cnc, { home: seoulHome, certifications: ['forklift'] })),
      await createSeeker(t, seeker2027(cnc, { home: { lat: 37.47, lng: 126.9 } })),
      await createSeeker(t, seeker2027(cnc, { home: { lat: 37.45, lng: 126.88 }, certifications: ['forklift'] })),
      await createSeeker(t, seeker2027(injection, { home: gumiHome })),
      await createSeeker(t, seeker2027(injection, { home: { lat: 36.1, lng: 128.36 } })),
    ];
    const myGapIds = new Set([...seoulGaps, ...gumiGaps].map((gap) => gap.id));
    const mySeekerIds = new Set(seekers.map((seeker) => seeker.id));
    const scope = { complexIds: [complexes.seoul, complexes.gumi], horizon: { from: testDay(31), to: testDay(395) } };

    const first = await runToSuccess(t, scope);
    expect(first.stats).toMatchObject({ optimal: expect.any(Boolean), filled: expect.any(Number) });
    const firstResults = await t.api.get(`${API}/match-runs/${first.id}/proposals`).expect(200);
    const mine = (firstResults.body.proposals as ProposalView[]).filter((proposal) => myGapIds.has(proposal.leaveGap.id));
    // Five gaps, five seekers with the right skills nearby and two who can chain: all filled.
    expect(mine).toHaveLength(5);
    for (const proposal of mine) {
      expect(mySeekerIds.has(proposal.seeker.id)).toBe(true);
      expect(proposal.seeker.displayName).toMatch(/\S/);
      expect(proposal.leaveGap.firm.name).toMatch(/\S/);
      const parts = Object.values(proposal.breakdown).reduce((sum, part) => sum + part, 0);
      expect(parts).toBeCloseTo(proposal.score, 1);
      expect(proposal.commuteMinutes).toBeGreaterThan(0);
      expect(proposal.status).toBe('proposed');
    }
    const forklift = mine.find((proposal) => proposal.leaveGap.id === seoulGaps[2].id)!;
    expect([seekers[0].id, seekers[2].id]).toContain(forklift.seeker.id);

    // Confirm two, reject one.
    const [confirmA, confirmB, rejected] = [mine[0], mine[3], mine[1]];
    for (const proposal of [confirmA, confirmB]) {
      const confirmed = await t.api.post(`${API}/proposals/${proposal.id}/confirm`).expect(201);
      expect(confirmed.body.placement).toMatchObject({ seekerId: proposal.seeker.id, leaveGapId: proposal.leaveGap.id, status: 'confirmed' });
      expect(confirmed.body.placement.period).toEqual(proposal.leaveGap.period);
    }
    await t.api.post(`${API}/proposals/${rejected.id}/reject`).send({ reason: '면접 후 업체 사정으로 거절' }).expect(200);
    const gapA = await t.api.get(`${API}/leave-gaps/${confirmA.leaveGap.id}`).expect(200);
    expect(gapA.body.status).toBe('filled');

    const second = await runToSuccess(t, scope);
    const secondResults = await t.api.get(`${API}/match-runs/${second.id}/proposals`).expect(200);
    const again = (secondResults.body.proposals as ProposalView[]).filter((proposal) => myGapIds.has(proposal.leaveGap.id));
    const unfilledAgain = (secondResults.body.unfilled as { leaveGap: { id: string } }[]).filter((gap) => myGapIds.has(gap.leaveGap.id));
    const coveredAgain = new Set([...again.map((p) => p.leaveGap.id), ...unfilledAgain.map((u) => u.leaveGap.id)]);
    // Filled gaps are not open any more; the other three are proposed or explained.
    expect(coveredAgain.has(confirmA.leaveGap.id)).toBe(false);
    expect(coveredAgain.has(confirmB.leaveGap.id)).toBe(false);
    expect(coveredAgain.size).toBe(3);
    expect(again.some((p) => p.leaveGap.id === rejected.leaveGap.id && p.seeker.id === rejected.seeker.id)).toBe(false);

    // Confirmed placements stay, and the instance shows them as busy days of their seekers.
    const placements = await t.api.get(`${API}/placements`).query({ seekerId: confirmA.seeker.id, status: 'confirmed' }).expect(200);
    expect(placements.body.items.map((p: { leaveGapId: string }) => p.leaveGapId)).toContain(confirmA.leaveGap.id);
    const instance = await t.api.get(`${API}/match-runs/${second.id}/instance`).expect(200);
    const seekerA = instance.body.seekers.find((s: { id: string }) => s.id === confirmA.seeker.id);
    expect(seekerA.busy).toContainEqual(confirmA.leaveGap.period);
    expect(instance.body.blockedPairs).toContainEqual({ vacancyId: rejected.leaveGap.id, seekerId: rejected.seeker.id });

    // The first run's open proposals were replaced by the second run's.
    const firstAfter = await t.api.get(`${API}/match-runs/${first.id}/proposals`).expect(200);
    const statuses = (firstAfter.body.proposals as ProposalView[]).filter((p) => myGapIds.has(p.leaveGap.id)).map((p) => p.status).sort();
    expect(statuses).toEqual(['confirmed', 'confirmed', 'rejected', 'superseded', 'superseded']);

    // Every state change left an outbox row.
    const events: { type: string }[] = await t.dataSource.query(
      `SELECT type FROM outbox_events WHERE aggregate_id = ANY($1::uuid[]) ORDER BY id`,
      [[first.id, second.id, confirmA.id, confirmB.id, rejected.id]],
    );
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'match_run.queued')).toHaveLength(2);
    expect(types.filter((type) => type === 'match_run.started')).toHaveLength(2);
    expect(types.filter((type) => type === 'match_run.succeeded')).toHaveLength(2);
    expect(types.filter((type) => type === 'proposal.confirmed')).toHaveLength(2);
    expect(types.filter((type) => type === 'proposal.rejected')).toHaveLength(1);
    // One proposal.proposed per proposal of a run, naming its run, gap and seeker.
    const proposed: { aggregate_id: string; aggregate_type: string; payload: object }[] = await t.dataSource.query(
      `SELECT aggregate_id, aggregate_type, payload FROM outbox_events WHERE type = 'proposal.proposed' AND aggregate_id = ANY($1::uuid[])`,
      [mine.map((proposal) => proposal.id)],
    );
    expect(proposed).toHaveLength(mine.length);
    for (const proposal of mine) {
      expect(proposed.find((event) => event.aggregate_id === proposal.id)).toEqual({
        aggregate_id: proposal.id,
        aggregate_type: 'proposal',
        payload: { matchRunId: first.id, leaveGapId: proposal.leaveGap.id, seekerId: proposal.seeker.id },
      });
    }

    // Each run's phases in order: started, built, solved, finished (the bench splits API latencies by them).
    const phases: { ordered: boolean }[] = await t.dataSource.query(
      `SELECT started_at <= built_at AND built_at <= solved_at AND solved_at <= finished_at AS ordered FROM match_runs WHERE id = ANY($1::uuid[])`,
      [[first.id, second.id]],
    );
    expect(phases).toEqual([{ ordered: true }, { ordered: true }]);

    // Leave nothing open behind for later runs on the pilot complexes.
    for (const gapId of myGapIds) await t.api.post(`${API}/leave-gaps/${gapId}/cancel`);
  });

  it('explains an unfilled gap in a coordinator\'s words, with near misses', async () => {
    const skill = uniqueSkill('welding');
    // On Jeju, away from the seekers other tests leave around Seoul and Gumi.
    const site = { lat: 33.4996, lng: 126.5312 };
    const firm = await createFirm(t, { site });
    const gap = await createLeaveGap(t, firm.id, gap2027(skill, { maxCommuteMinutes: 30, site }));
    // About 15 km away by transit: over the gap's 30-minute limit, within the seeker's own 90.
    const far = await createSeeker(t, seeker2027(skill, { home: { lat: 33.4996, lng: 126.37 }, maxCommuteMinutes: 90 }));
    const unskilled = await createSeeker(t, seeker2027(uniqueSkill('another'), { home: site }));

    const run = await runToSuccess(t, { leaveGapIds: [gap.id] });
    const results = await t.api.get(`${API}/match-runs/${run.id}/proposals`).expect(200);
    expect(results.body.proposals).toHaveLength(0);
    const [unfilled] = results.body.unfilled;
    expect(unfilled.leaveGap.id).toBe(gap.id);
    expect(unfilled.excludedBy.commute).toBeGreaterThanOrEqual(1);
    const missOf = (seekerId: string) => unfilled.nearMisses.find((miss: { seeker: { id: string } }) => miss.seeker.id === seekerId);
    expect(missOf(far.id)).toMatchObject({ failed: 'commute', detail: expect.stringMatching(/^[\d.]+ min > 30 min \(vacancy limit\)$/) });
    expect(missOf(far.id).seeker.displayName).toBe(far.displayName);
    expect(missOf(unskilled.id)).toMatchObject({ failed: 'skills' });
    expect(unfilled.explanation).toContain('Nobody meets every requirement.');
    expect(unfilled.explanation.join(' ')).toMatch(/1 seeker fails only the commute limit \(nearest: [\d.]+ min > 30 min/);

    const candidates = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).expect(200);
    expect(candidates.body.candidates).toEqual([]);
    expect(candidates.body.explanation.join(' ')).toMatch(/fails only the commute limit/);
    // Leave nothing behind on Jeju that could crowd a later run's near misses.
    await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(200);
    for (const seeker of [far, unskilled]) await t.api.patch(`${API}/seekers/${seeker.id}`).send({ status: 'inactive' }).expect(200);
  });

  it('ranks live candidates for one gap with breakdowns', async () => {
    const skill = uniqueSkill('milling');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const near = await createSeeker(t, seeker2027(skill, { home: { lat: 37.478, lng: 126.884 } }));
    const far = await createSeeker(t, seeker2027(skill, { home: { lat: 37.52, lng: 126.93 } }));

    const response = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).query({ limit: 5 }).expect(200);
    const ids = response.body.candidates.map((candidate: { seeker: { id: string } }) => candidate.seeker.id);
    expect(ids).toEqual([near.id, far.id]);
    expect(response.body.candidates[0].score).toBeGreaterThan(response.body.candidates[1].score);
    expect(response.body.feasibleCandidates).toBe(2);
    expect(response.body.explanation).toEqual([]);

    await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(200);
    const cancelled = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).expect(409);
    expect(problemOf(cancelled).code).toBe('leave_gap.not_open');
  });

  it('refuses a second run for an overlapping scope while one is active, also when both arrive at once', async () => {
    const firm = await createFirm(t);
    const complexId = firm.complexId as string;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => t.api.post(`${API}/match-runs`).send({ complexIds: [complexId], horizon: { from: testDay(31), to: testDay(211) } })),
    );
    expect(responses.filter((response) => response.status === 202)).toHaveLength(1);
    const refused = responses.filter((response) => response.status !== 202);
    expect(refused.map((response) => response.status)).toEqual([409, 409, 409, 409]);
    expect(problemOf(refused[0]).code).toBe('match_run.scope_busy');
    const accepted = responses.find((response) => response.status === 202)!;
    expect(problemOf(refused[0]).details).toMatchObject({ matchRunId: accepted.body.id });

    // A disjoint horizon in the same complex does not overlap.
    const disjoint = await t.api.post(`${API}/match-runs`).send({ complexIds: [complexId], horizon: { from: testDay(212), to: testDay(395) } });
    expect(disjoint.status).toBe(202);
    await waitForRun(t, accepted.body.id);
    await waitForRun(t, disjoint.body.id);
    // Once finished, the scope is free again.
    const later = await t.api.post(`${API}/match-runs`).send({ complexIds: [complexId] }).expect(202);
    await waitForRun(t, later.body.id);
  });

  it('validates the request: weights by the engine\'s rules, reversed horizon, unknown complexes', async () => {
    const weights = await t.api.post(`${API}/match-runs`).send({ leaveGapIds: [], weights: { commute: -1, speed: 2 } }).expect(400);
    expect(problemOf(weights).code).toBe('match_run.invalid_weights');
    const reversed = await t.api.post(`${API}/match-runs`).send({ horizon: { from: testDay(62), to: testDay(31) } }).expect(400);
    expect(problemOf(reversed).code).toBe('match_run.horizon_reversed');
    const unknown = await t.api.post(`${API}/match-runs`).send({ complexIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(problemOf(unknown).code).toBe('match_run.unknown_complex');
    await t.api.get(`${API}/match-runs/not-a-uuid`).expect(404);
  });
});

interface ProposalView {
  id: string;
  status: string;
  seeker: { id: string; displayName: string };
  leaveGap: { id: string; firm: { id: string; name: string }; period: { start: string; end: string } };
  score: number;
  breakdown: Record<string, number>;
  commuteMinutes: number;
}
