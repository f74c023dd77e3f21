import type { TestApp } from '../support/test-app';
import { uniqueSuffix } from './index';

const MODES = ['transit', 'car', 'bicycle', 'walk'] as const;

/** mulberry32: a seeded generator, so that a failing data set can be rebuilt from its seed. */
function generator(seed: number): { int(min: number, max: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const day = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);

export interface RandomData {
  gapIds: string[];
}

/**
 * Gaps and seekers around one spot whose values sit on the rules' boundaries often (equal
 * levels, hours, wages; touching and holed availability; blocks, rejections, placements), so
 * that a database filter that drops a seeker it should not is caught.
 */
export async function insertRandomMatchingData(t: TestApp, seed: number): Promise<RandomData> {
  const random = generator(seed);
  const suffix = uniqueSuffix();
  const skills = [`sk-a-${suffix}`, `sk-b-${suffix}`, `sk-c-${suffix}`];
  const certifications = [`ct-a-${suffix}`, `ct-b-${suffix}`];
  const center = { lat: 36 + random.int(0, 100) / 100, lng: 127 + random.int(0, 100) / 100 };
  const [{ id: complexId }]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO industrial_complexes (name, region, centroid_lat, centroid_lng) VALUES ($1, 'random', $2, $3) RETURNING id`,
    [`random complex ${suffix}`, center.lat, center.lng],
  );
  const firms: { id: string; site_lat: number; site_lng: number }[] = await t.dataSource.query(
    `INSERT INTO firms (name, business_number, employee_count, complex_id, address, site_lat, site_lng)
     SELECT 'random firm ' || $1 || '-' || i, (1000000000 + floor(random() * 8999999999))::bigint::text, 30, $2, 'address',
            $3 + i * 0.01, $4 - i * 0.01
     FROM generate_series(1, 4) AS i RETURNING id, site_lat, site_lng`,
    [suffix, complexId, center.lat, center.lng],
  );
  const gapRows = Array.from({ length: 8 }, () => {
    const firm = random.pick(firms);
    const start = random.int(40, 120);
    const required = skills.filter(() => random.chance(0.5)).map((code) => ({ code, level: random.int(1, 3) }));
    return {
      firm_id: firm.id,
      lat: firm.site_lat,
      lng: firm.site_lng,
      start: day(start),
      end: day(start + random.int(10, 90)),
      required_skills: required,
      certs: `{${certifications.filter(() => random.chance(0.3)).join(',')}}`,
      hours: random.pick([15, 20, 30, 40]),
      wage: random.pick([10000, 11000, 12000]),
      max_commute: random.chance(0.4) ? random.pick([30, 45, 60]) : null,
    };
  });
  const gaps: { id: string }[] = await t.dataSource.query(
    `INSERT INTO leave_gaps (firm_id, leave_type, leave_start, leave_end, role_title, required_skills, required_certifications,
                             weekly_hours, hourly_wage, site_lat, site_lng, placement_start, placement_end, vacancy_weekly_hours,
                             max_commute_minutes)
     SELECT g.firm_id, 'other', g.start, g."end", 'random role', g.required_skills, g.certs::text[], g.hours, g.wage,
            g.lat, g.lng, g.start, g."end", g.hours, g.max_commute
     FROM jsonb_to_recordset($1::jsonb) AS g(firm_id uuid, lat float8, lng float8, start date, "end" date, required_skills jsonb,
                                             certs text, hours int, wage int, max_commute int)
     RETURNING id`,
    [JSON.stringify(gapRows)],
  );
  const seekerRows = Array.from({ length: 160 }, (_, i) => {
    const min = random.pick([10, 15, 20, 30]);
    return {
      name: `random seeker ${i}`,
      lat: center.lat + (random.int(-400, 400) / 1000) * (random.chance(0.2) ? 3 : 1),
      lng: center.lng + (random.int(-400, 400) / 1000) * (random.chance(0.2) ? 3 : 1),
      mode: random.pick(MODES),
      max_commute: random.pick([20, 45, 60, 90, 120]),
      skills: skills.filter(() => random.chance(0.6)).map((code) => ({ code, level: random.int(1, 4) })),
      certs: `{${certifications.filter(() => random.chance(0.5)).join(',')}}`,
      hours_min: min,
      hours_max: Math.min(52, min + random.pick([0, 10, 20, 25])),
      wage: random.chance(0.3) ? null : random.pick([10000, 11000, 12000, 13000]),
      blocked: random.chance(0.1) ? `{${random.pick(firms).id}}` : '{}',
    };
  });
  const seekers: { id: string }[] = await t.dataSource.query(
    `INSERT INTO seekers (display_name, phone, home_lat, home_lng, commute_mode, max_commute_minutes, skills, certifications,
                          weekly_hours_min, weekly_hours_max, min_hourly_wage, blocked_firm_ids, consent_at, waiting_since)
     SELECT s.name, '010-1234-5678', s.lat, s.lng, s.mode, s.max_commute, s.skills, s.certs::text[], s.hours_min, s.hours_max,
            s.wage, s.blocked::uuid[], now(), date '2026-06-01'
     FROM jsonb_to_recordset($1::jsonb) AS s(name text, lat float8, lng float8, mode text, max_commute int, skills jsonb, certs text,
                                             hours_min int, hours_max int, wage int, blocked text)
     RETURNING id`,
    [JSON.stringify(seekerRows)],
  );
  const windows = seekers.flatMap(({ id }) => {
    const list: { seeker_id: string; start: string; end: string }[] = [];
    let cursor = random.int(0, 60);
    for (let n = random.int(0, 3); n > 0; n--) {
      const length = random.int(5, 120);
      list.push({ seeker_id: id, start: day(cursor), end: day(cursor + length) });
      cursor += length + random.pick([1, 2, 10]); // touching (joins), a one-day hole, a gap
    }
    return list;
  });
  await t.dataSource.query(
    `INSERT INTO seeker_availability (seeker_id, start_date, end_date)
     SELECT w.seeker_id, w.start, w."end" FROM jsonb_to_recordset($1::jsonb) AS w(seeker_id uuid, start date, "end" date)`,
    [JSON.stringify(windows)],
  );
  // Confirmed placements (each on a filled gap of its own, outside the scope) make seekers busy; rejected pairs block.
  for (const { id } of seekers.filter(() => random.chance(0.08))) {
    const start = random.int(50, 150);
    await t.dataSource.query(
      `WITH busy AS (
         INSERT INTO leave_gaps (firm_id, leave_type, leave_start, leave_end, role_title, weekly_hours, hourly_wage, site_lat, site_lng,
                                 placement_start, placement_end, vacancy_weekly_hours, status)
         VALUES ($1, 'other', $4::date, $5::date, 'busy role', 40, 11000, $2, $3, $4::date, $5::date, 40, 'filled') RETURNING id)
       INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $6, busy.id, daterange($4::date, $5::date, '[]') FROM busy`,
      [firms[0].id, firms[0].site_lat, firms[0].site_lng, day(start), day(start + random.int(0, 30)), id],
    );
  }
  for (const { id } of seekers.filter(() => random.chance(0.1))) {
    await t.dataSource.query(`INSERT INTO rejected_pairs (leave_gap_id, seeker_id, reason) VALUES ($1, $2, 'random')`, [
      random.pick(gaps).id,
      id,
    ]);
  }
  return { gapIds: gaps.map((gap) => gap.id) };
}

