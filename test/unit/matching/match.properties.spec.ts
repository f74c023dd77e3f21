import fc from 'fast-check';
import { match } from '../../../src/matching/core/match';
import { FEASIBILITY_RULES, Instance, MatchResult } from '../../../src/matching/core/types';
import { validateInstance } from '../../../src/matching/core/validate-instance';
import { bruteForceOptimum } from './support/brute-force-optimum';
import { naiveFailedRules } from './support/naive-feasibility';
import { randomInstance } from './support/random-instance';

const RUNS = { seed: 20260301, numRuns: 300 };
const smallInstance = randomInstance({ maxVacancies: 6, maxSeekers: 4 });

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
const hundredths = (value: number) => Math.round(value * 100);

function naivelyFeasiblePairs(instance: Instance): string[] {
  return instance.vacancies.flatMap((vacancy) =>
    instance.seekers
      .filter((seeker) => naiveFailedRules(instance, vacancy, seeker).length === 0)
      .map((seeker) => `${vacancy.id}/${seeker.id}`),
  );
}

const runWithCandidates = (instance: Instance): MatchResult => match(instance, { candidates: true });

describe('match on random small instances', () => {
  test('generated instances are valid', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        expect(validateInstance(instance)).toEqual({ ok: true, instance });
      }),
      RUNS,
    );
  });

  test('the candidates are exactly the pairs the plain rules accept, scored within 0..100', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = runWithCandidates(instance);
        const candidates = result.candidates!.map((pair) => `${pair.vacancyId}/${pair.seekerId}`);
        expect([...candidates].sort()).toEqual(naivelyFeasiblePairs(instance).sort());
        for (const pair of result.candidates!) {
          expect(pair.score).toBeGreaterThanOrEqual(0);
          expect(pair.score).toBeLessThanOrEqual(100);
        }
        expect(result.stats.candidatePairs).toBe(candidates.length);
      }),
      RUNS,
    );
  });

  test('assignments are feasible, no vacancy twice, no seeker on two overlapping periods', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = match(instance);
        const vacancies = byId(instance.vacancies);
        const seekers = byId(instance.seekers);
        const vacancyIds = result.assignments.map((assignment) => assignment.vacancyId);
        expect(new Set(vacancyIds).size).toBe(vacancyIds.length);
        for (const assignment of result.assignments) {
          expect(naiveFailedRules(instance, vacancies.get(assignment.vacancyId)!, seekers.get(assignment.seekerId)!)).toEqual([]);
        }
        for (const a of result.assignments) {
          for (const b of result.assignments) {
            if (a === b || a.seekerId !== b.seekerId) continue;
            const [first, second] = [vacancies.get(a.vacancyId)!, vacancies.get(b.vacancyId)!];
            expect(first.end < second.start || second.end < first.start).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test('breakdowns add up exactly to the score', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        for (const assignment of match(instance).assignments) {
          const sum = Object.values(assignment.breakdown).reduce((total, part) => total + hundredths(part), 0);
          expect(sum).toBe(hundredths(assignment.score));
          for (const part of Object.values(assignment.breakdown)) expect(hundredths(part) / 100).toBe(part);
        }
      }),
      RUNS,
    );
  });

  test('filled count and total score equal the brute-force optimum', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = runWithCandidates(instance);
        const optimum = bruteForceOptimum(instance.vacancies, result.candidates!);
        expect(result.stats.filled).toBe(optimum.filled);
        expect(result.stats.totalScore).toBeCloseTo(optimum.totalScore, 6);
        const assignedTotal = result.assignments.reduce((sum, assignment) => sum + hundredths(assignment.score), 0);
        expect(assignedTotal / 100).toBeCloseTo(result.stats.totalScore, 6);
        expect(result.stats.optimal).toBe(true);
      }),
      RUNS,
    );
  });

  test('unfilled diagnostics count every seeker under every rule it fails', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = match(instance);
        const vacancies = byId(instance.vacancies);
        for (const unfilled of result.unfilled) {
          const failures = instance.seekers.map((seeker) => naiveFailedRules(instance, vacancies.get(unfilled.vacancyId)!, seeker));
          expect(unfilled.feasibleCandidates).toBe(failures.filter((failed) => failed.length === 0).length);
          for (const rule of FEASIBILITY_RULES) {
            expect(unfilled.excludedBy[rule]).toBe(failures.filter((failed) => failed.includes(rule)).length);
          }
          const nearMissCount = failures.filter((failed) => failed.length === 1).length;
          expect(unfilled.nearMisses).toHaveLength(Math.min(5, nearMissCount));
          for (const miss of unfilled.nearMisses) {
            const seekerIndex = instance.seekers.findIndex((seeker) => seeker.id === miss.seekerId);
            expect(failures[seekerIndex]).toEqual([miss.failed]);
            expect(miss.detail.length).toBeGreaterThan(0);
          }
        }
        const assigned = new Set(result.assignments.map((assignment) => assignment.vacancyId));
        expect(result.unfilled.map((entry) => entry.vacancyId).sort()).toEqual(
          instance.vacancies.map((vacancy) => vacancy.id).filter((id) => !assigned.has(id)).sort(),
        );
      }),
      RUNS,
    );
  });

  test('alternatives are other feasible seekers, best first, at most K', () => {
    fc.assert(
      fc.property(smallInstance, fc.integer({ min: 0, max: 3 }), (instance, count) => {
        const result = match(instance, { alternatives: count, candidates: true });
        const assignedTo = new Map(result.assignments.map((assignment) => [assignment.vacancyId, assignment.seekerId]));
        for (const vacancy of instance.vacancies) {
          const others = result.candidates!.filter(
            (pair) => pair.vacancyId === vacancy.id && pair.seekerId !== assignedTo.get(vacancy.id),
          );
          const expected = others.slice(0, count).map((pair) => ({ seekerId: pair.seekerId, score: pair.score }));
          expect(result.alternatives[vacancy.id] ?? []).toEqual(expected);
          const scores = expected.map((alternative) => alternative.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
        }
      }),
      RUNS,
    );
  });

  test('the same instance gives the same result, whatever the order of its lists', () => {
    const withoutTiming = (result: MatchResult) => ({ ...result, stats: { ...result.stats, solveMs: 0 } });
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const first = withoutTiming(runWithCandidates(instance));
        expect(withoutTiming(runWithCandidates(instance))).toEqual(first);
        const reversed = { ...instance, vacancies: [...instance.vacancies].reverse(), seekers: [...instance.seekers].reverse() };
        expect(withoutTiming(runWithCandidates(reversed))).toEqual(first);
      }),
      RUNS,
    );
  });
});
