import { randomUUID } from 'node:crypto';
import { MatchRun } from '../../../src/matching/match-run.entity';
import { Proposal } from '../../../src/proposals/proposal.entity';
import type { TestApp } from '../support/test-app';
import { mintSkillCode } from './catalog';
import { TEST_TODAY, testDay } from '../support/test-today';
import { API, uniqueSuffix } from './index';

/**
 * Factories for the matching workflow. Dates lie after TEST_TODAY, the day the test app's
 * Clock reads (by default 2026-12-01, so the "2027" gap runs 2027-03-02..2027-05-30), so the
 * gaps stay open whatever the real date; each test gets its own skill code so that rows left
 * by other tests (the database is never truncated) can never match its gaps.
 */
export const PILOT_COMPLEXES = { seoul: '서울디지털국가산업단지', gumi: '구미국가산업단지' } as const;

export async function pilotComplexIds(t: TestApp): Promise<{ seoul: string; gumi: string }> {
  const rows: { id: string; name: string }[] = await t.dataSource.query(
    `SELECT id, name FROM industrial_complexes WHERE name = ANY($1)`,
    [[PILOT_COMPLEXES.seoul, PILOT_COMPLEXES.gumi]],
  );
  const idOf = (name: string) => rows.find((row) => row.name === name)!.id;
  return { seoul: idOf(PILOT_COMPLEXES.seoul), gumi: idOf(PILOT_COMPLEXES.gumi) };
}

/** A skill code no other test uses (the factories add it to the catalogue when first posted). */
export function uniqueSkill(name: string): string {
  return mintSkillCode(`${name}-${uniqueSuffix()}`);
}

/** A lawful maternity gap of 90 days (from 91 days after TEST_TODAY) plus handover; override anything. */
export function gap2027(skill: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    leaveType: 'maternity',
    leaveStart: testDay(91),
    leaveEnd: testDay(180),
    handoverDays: 14,
    roleTitle: 'CNC 가공원',
    requiredSkills: [{ code: skill, level: 2 }],
    preferredSkills: [],
    requiredCertifications: [],
    weeklyHours: 40,
    hourlyWage: 12_500,
    ...overrides,
  };
}

export function seeker2027(skill: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    skills: [{ code: skill, level: 3 }],
    certifications: [],
    availability: [{ start: testDay(31), end: testDay(395) }],
    ...overrides,
  };
}

export type RunBody = { id: string; status: string; stats: Record<string, unknown> | null; error: string | null; [key: string]: unknown };

/** Polls a run until it has finished (succeeded or failed). */
export async function waitForRun(t: TestApp, runId: string, timeoutMs = 60_000): Promise<RunBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.api.get(`${API}/match-runs/${runId}`);
    if (response.status !== 200) throw new Error(`GET match run: ${response.status} ${response.text}`);
    if (response.body.status === 'succeeded' || response.body.status === 'failed') return response.body;
    if (Date.now() > deadline) throw new Error(`match run ${runId} still ${response.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts a run and waits for it; fails the test unless it succeeds. */
export async function runToSuccess(t: TestApp, body: Record<string, unknown>): Promise<RunBody> {
  const created = await t.api.post(`${API}/match-runs`).send(body);
  if (created.status !== 202) throw new Error(`POST match run: ${created.status} ${created.text}`);
  const run = await waitForRun(t, created.body.id);
  if (run.status !== 'succeeded') throw new Error(`match run failed: ${run.error}`);
  return run;
}

/** A finished run row written directly, to hang hand-made proposals on. */
export async function insertFinishedRun(t: TestApp): Promise<string> {
  const run = await t.dataSource.getRepository(MatchRun).save({
    status: 'succeeded',
    scope: { leaveGapIds: [] },
    scopeComplexIds: [randomUUID()],
    scopePeriod: `[${testDay(31)},${testDay(31)}]`,
    timeLimitMs: 1_000,
    asOf: TEST_TODAY,
    stats: { vacancies: 0, seekers: 0, candidatePairs: 0, components: 0, largestComponent: 0, filled: 0, totalScore: 0, optimal: true, gap: 0, solveMs: 0 },
    finishedAt: new Date(),
  });
  return run.id;
}

/** Proposals written through the repository (as a run would), all `proposed`. */
export async function insertProposals(t: TestApp, runId: string, pairs: { leaveGapId: string; seekerId: string }[]): Promise<string[]> {
  const repository = t.dataSource.getRepository(Proposal);
  const rows = pairs.map((pair) => ({
    matchRunId: runId,
    leaveGapId: pair.leaveGapId,
    seekerId: pair.seekerId,
    score: 50,
    breakdown: { skills: 20, preferredSkills: 0, commute: 10, dateFit: 10, wage: 5, waiting: 5 },
    commuteMinutes: 30,
    alternatives: [],
    status: 'proposed' as const,
  }));
  const result = await repository.insert(rows);
  return result.identifiers.map((identifier) => identifier.id as string);
}
