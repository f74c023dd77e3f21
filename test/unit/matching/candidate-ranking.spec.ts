import { match } from '../../../src/matching/core/match';
import { aSeeker, aVacancy, anInstance } from './support/instance-builders';

describe("a vacancy's ranked candidates", () => {
  // 40 seekers (past the insertion sort's 24) at three distances, so scores tie in groups. Their
  // weekly minimums, which no score reads, differ, so the engine's canonical order (by content;
  // only identical seekers are ordered by id) runs against their ids.
  const seekers = Array.from({ length: 40 }, (_, k) =>
    aSeeker({
      id: `s-${String(k).padStart(2, '0')}`,
      location: { lat: 37.5 - 0.001 * (k % 3), lng: 127.0 },
      weeklyHours: { min: 39 - ((k * 7) % 20), max: 40 },
    }),
  );
  const instance = anInstance({ vacancies: [aVacancy()], seekers });

  it('are ordered by score, best first, and equal scores by seeker id', () => {
    const listed = match(instance, { candidates: true }).candidates!.map(({ seekerId, score }) => ({ seekerId, score }));
    expect(listed).toHaveLength(40);
    expect(new Set(listed.map((pair) => pair.score)).size).toBe(3);
    const byScoreThenId = [...listed].sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1));
    expect(listed).toEqual(byScoreThenId);
  });
});
