import { rankCandidates } from '../../../src/matching/core/rank-candidates';
import { aSeeker, aVacancy, anInstance } from './support/instance-builders';

describe('rankCandidates (live view of one vacancy)', () => {
  const instance = anInstance({
    vacancies: [aVacancy({ id: 'v-1' }), aVacancy({ id: 'v-2', requiredCertifications: ['forklift'] })],
    seekers: [
      aSeeker({ id: 's-a' }),
      aSeeker({ id: 's-b' }),
      aSeeker({ id: 's-c', minHourlyWage: 11000 }),
      aSeeker({ id: 's-d', weeklyHours: { min: 10, max: 20 } }),
    ],
    commuteMinutes: [{ vacancyId: 'v-1', seekerId: 's-a', minutes: 30 }],
  });

  test('ranks feasible seekers by score, ties by id, with breakdowns, up to the limit', () => {
    const ranking = rankCandidates(instance, 'v-1', 2)!;
    expect(ranking.candidates).toEqual([
      { seekerId: 's-b', score: 92.5, breakdown: { skills: 25, preferredSkills: 15, commute: 25, dateFit: 10, wage: 10, waiting: 7.5 }, commuteMinutes: 0 },
      // wage 12000 is 1000/2200 of the way to full credit above 11000.
      { seekerId: 's-c', score: 87.05, breakdown: { skills: 25, preferredSkills: 15, commute: 25, dateFit: 10, wage: 4.55, waiting: 7.5 }, commuteMinutes: 0 },
    ]);
    expect(ranking.feasibleCandidates).toBe(3);
    expect(ranking.excludedBy).toEqual({ skills: 0, certifications: 0, dates: 0, hours: 1, wage: 0, commute: 0, blocked: 0 });
    expect(ranking.nearMisses).toEqual([{ seekerId: 's-d', failed: 'hours', detail: '40 h/week > 20 h/week maximum' }]);
  });

  test('explains a vacancy nobody fits', () => {
    const ranking = rankCandidates(instance, 'v-2', 10)!;
    expect(ranking.candidates).toEqual([]);
    expect(ranking.feasibleCandidates).toBe(0);
    expect(ranking.excludedBy.certifications).toBe(4);
    expect(ranking.nearMisses.map((miss) => miss.seekerId)).toEqual(['s-a', 's-b', 's-c']);
  });

  test('unknown vacancy id gives undefined', () => {
    expect(rankCandidates(instance, 'v-9', 5)).toBeUndefined();
  });
});
