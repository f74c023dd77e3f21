import { Clock, FixedClock } from '../../src/clock/clock';
import { InstanceBuilder } from '../../src/matching/instance-builder';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';
const WEIGHTS = { skills: 40, commute: 30, waiting: 20, preferredSkills: 10 };

/**
 * A match run's instance comes from the database as text (seekers serialised by SQL); it must
 * be the instance the row-by-row builder makes of the same snapshot, field for field, on data
 * with gaps already begun, optional limits and wages, holed availability, placements and blocks.
 */
describe('the instance builder: a run instance as JSON text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(AS_OF)));
  });
  afterAll(() => t.close());

  it.each([7, 19, 31])('parses to the instance build() makes (seed %i)', async (seed) => {
    const { gapIds } = await insertRandomMatchingData(t, seed);
    const builder = t.app.get(InstanceBuilder);
    const scope = { leaveGapIds: gapIds };

    const text = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS });
    const objects = await builder.build(scope, { asOf: AS_OF, weights: WEIGHTS });

    expect(JSON.parse(text.json)).toStrictEqual(objects);
    expect(text.vacancyCount).toBe(objects.vacancies.length);
    expect(text.seekerIds).toEqual(objects.seekers.map((seeker) => seeker.id));
    // The data must exercise the optional and derived fields, not only the plain ones.
    expect(objects.seekers.some((seeker) => seeker.busy.length > 0)).toBe(true);
    expect(objects.seekers.some((seeker) => seeker.minHourlyWage === undefined)).toBe(true);
    expect(objects.blockedPairs?.length).toBeGreaterThan(0);
    expect(objects.vacancies.some((vacancy) => vacancy.start === AS_OF)).toBe(true);
  });

  it('is an empty instance when no gap is in scope', async () => {
    const text = await t.app.get(InstanceBuilder).buildText({ leaveGapIds: ['00000000-0000-4000-8000-000000000000'] }, { asOf: AS_OF });
    expect(JSON.parse(text.json)).toStrictEqual({ vacancies: [], seekers: [], blockedPairs: [], asOf: AS_OF });
    expect(text.seekerIds).toEqual([]);
  });
});
