import { stringifyYielding } from './instance-json';

describe('stringifyYielding', () => {
  it('gives exactly what JSON.stringify gives, across many slices', async () => {
    const value = {
      vacancies: Array.from({ length: 4_500 }, (_, i) => ({ id: `v-${i}`, location: { lat: 37.5, lng: 126.9 + i / 1e4 }, note: 'ㄱ"\\' })),
      seekers: [],
      skipped: undefined,
      asOf: '2027-03-02',
      weights: { commute: 2 },
      holes: [undefined, () => 1, null],
    };
    expect(await stringifyYielding(value)).toBe(JSON.stringify(value));
  });

  it('lets other callbacks run while it works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await stringifyYielding({ seekers: Array.from({ length: 50_000 }, (_, i) => ({ id: i })) });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
