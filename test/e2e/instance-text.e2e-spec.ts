import { Clock, FixedClock } from '../../src/clock/clock';
import { InstanceBuilder, InstanceText } from '../../src/matching/instance-builder';
import { SeekerPool } from '../../src/matching/seeker-pool';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';
const WEIGHTS = { skills: 40, commute: 30, waiting: 20, preferredSkills: 10 };
const parsed = (text: InstanceText): unknown => JSON.parse(Buffer.from(text.bytes).toString('utf8'));

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

    expect(parsed(text)).toStrictEqual(objects);
    expect(text.vacancyCount).toBe(objects.vacancies.length);
    expect(text.seekerIds).toEqual(objects.seekers.map((seeker) => seeker.id));
    // The data must exercise the optional and derived fields, not only the plain ones.
    expect(objects.seekers.some((seeker) => seeker.busy.length > 0)).toBe(true);
    expect(objects.seekers.some((seeker) => seeker.minHourlyWage === undefined)).toBe(true);
    expect(objects.blockedPairs?.length).toBeGreaterThan(0);
    expect(objects.vacancies.some((vacancy) => vacancy.start === AS_OF)).toBe(true);
  });

  // The pool is built by the first seed's run and brought up to date with each later seed's data
  // (and the edit below) inside the run's own transaction: a stale pool would miss seekers.
  it.each([7, 19, 31])('is the same instance from the seeker pool as from the database (seed %i)', async (seed) => {
    const { gapIds } = await insertRandomMatchingData(t, seed);
    const builder = t.app.get(InstanceBuilder);
    const pool = t.app.get(SeekerPool);
    const scope = { leaveGapIds: gapIds };
    const fromDatabase = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS });
    await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS }, pool);
    // An edit after the pool's last refresh: moved home, a new window, a placement gone.
    const [seekerId] = fromDatabase.seekerIds;
    await t.dataSource.query(`UPDATE seekers SET home_lat = home_lat + 0.001, waiting_since = '2026-01-05' WHERE id = $1`, [seekerId]);
    await t.dataSource.query(`INSERT INTO seeker_availability (seeker_id, start_date, end_date) VALUES ($1, '2027-06-01', '2027-06-03')`, [seekerId]);
    // One of this instance's seekers' placements that nothing else refers to: other specs share the database.
    const [, removed] = await t.dataSource.query(
      `DELETE FROM placements WHERE id IN (
         SELECT p.id FROM placements p
         WHERE p.seeker_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM proposals r WHERE r.placement_id = p.id)
         LIMIT 1)`,
      [fromDatabase.seekerIds],
    );
    expect(removed).toBe(1);

    const fromPool = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS }, pool);
    const again = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS });

    expect(parsed(fromPool)).toStrictEqual(parsed(again));
    expect(fromPool.seekerIds).toEqual(again.seekerIds);
    expect(fromPool.vacancyCount).toBe(again.vacancyCount);
    expect(parsed(again)).not.toStrictEqual(parsed(fromDatabase));
  });

  // The documents are concatenated text: values that need escaping, a skill with more than
  // code and level, and a missing wage must come out as JSON.stringify would write them.
  it('escapes text, keeps only code and level of skills, and leaves out a missing wage (seed 43)', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 43);
    const builder = t.app.get(InstanceBuilder);
    const scope = { leaveGapIds: gapIds };
    const [seekerId] = (await builder.buildText(scope, { asOf: AS_OF })).seekerIds;
    await t.dataSource.query(
      // Set, not appended: the shared test database keeps this seeker for later runs of the spec.
      `UPDATE seekers SET certifications = ARRAY[$2, $3], min_hourly_wage = NULL,
         skills = jsonb_build_array(jsonb_build_object('code', $4::text, 'level', 2, 'years', 7), jsonb_build_object('level', 1, 'code', 'plain'))
       WHERE id = $1`,
      [seekerId, 'quote " backslash \\ tab \t', '줄\n바꿈 </script>', 'weld"\\er'],
    );

    const text = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS });
    const objects = await builder.build(scope, { asOf: AS_OF, weights: WEIGHTS });

    expect(parsed(text)).toStrictEqual(objects);
    const edited = objects.seekers.find((seeker) => seeker.id === seekerId)!;
    expect(edited.certifications).toEqual(['quote " backslash \\ tab \t', '줄\n바꿈 </script>']);
    expect(edited.skills).toEqual([{ code: 'weld"\\er', level: 2 }, { code: 'plain', level: 1 }]);
    expect(edited.minHourlyWage).toBeUndefined();
  });

  // The vacancies are concatenated text too (contract-json-sql.ts).
  it('writes vacancies as JSON.stringify would: escaped codes, skills reduced to code and level, an optional commute limit (seed 47)', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 47);
    const builder = t.app.get(InstanceBuilder);
    const scope = { leaveGapIds: gapIds };
    const [edited, limited] = gapIds;
    await t.dataSource.query(
      `UPDATE leave_gaps SET required_certifications = ARRAY[$2, $3], max_commute_minutes = NULL,
         required_skills = jsonb_build_array(jsonb_build_object('code', $4::text, 'level', 2, 'note', 'x')),
         preferred_skills = jsonb_build_array(jsonb_build_object('level', 1, 'code', 'plain'))
       WHERE id = $1`,
      [edited, 'quote " backslash \\ tab \t', '줄\n바꿈 </script>', 'weld"\\er'],
    );
    await t.dataSource.query(`UPDATE leave_gaps SET max_commute_minutes = 45 WHERE id = $1`, [limited]);

    const text = await builder.buildText(scope, { asOf: AS_OF, weights: WEIGHTS });
    const objects = await builder.build(scope, { asOf: AS_OF, weights: WEIGHTS });

    expect(parsed(text)).toStrictEqual(objects);
    const vacancy = objects.vacancies.find((candidate) => candidate.id === edited)!;
    expect(vacancy.requiredCertifications).toEqual(['quote " backslash \\ tab \t', '줄\n바꿈 </script>']);
    expect(vacancy.requiredSkills).toEqual([{ code: 'weld"\\er', level: 2 }]);
    expect(vacancy.preferredSkills).toEqual([{ code: 'plain', level: 1 }]);
    expect(vacancy).not.toHaveProperty('maxCommuteMinutes');
    expect(objects.vacancies.find((candidate) => candidate.id === limited)!.maxCommuteMinutes).toBe(45);
  });

  it('is an empty instance when no gap is in scope', async () => {
    const text = await t.app.get(InstanceBuilder).buildText({ leaveGapIds: ['00000000-0000-4000-8000-000000000000'] }, { asOf: AS_OF });
    expect(parsed(text)).toStrictEqual({ vacancies: [], seekers: [], blockedPairs: [], asOf: AS_OF });
    expect(text.seekerIds).toEqual([]);
  });
});
