import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from './index';

export interface BulkDataset {
  complexId: string;
  gapIds: string[];
  seekerIds: string[];
  skill: string;
}

/**
 * Many gaps and seekers around one random spot, written with a few set-based INSERTs (the
 * API would take minutes): for runs large enough to keep the solver busy. Rows satisfy every
 * database check; the leave type is `other` so the leave-law rules leave the dates free.
 */
export async function insertBulkDataset(dataSource: DataSource, size: { gaps: number; seekers: number; firms?: number }): Promise<BulkDataset> {
  const suffix = uniqueSuffix();
  const skill = `bulk-${suffix}`;
  const center = { lat: 35 + randomInt(0, 1_000) / 2_000, lng: 127 + randomInt(0, 1_000) / 1_000 };
  const [{ id: complexId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO industrial_complexes (name, region, centroid_lat, centroid_lng) VALUES ($1, 'bulk', $2, $3) RETURNING id`,
    [`bulk complex ${suffix}`, center.lat, center.lng],
  );
  await dataSource.query(
    `INSERT INTO firms (name, business_number, employee_count, complex_id, address, site_lat, site_lng)
     SELECT 'bulk firm ' || $1 || '-' || i, (1000000000 + floor(random() * 8999999999))::bigint::text, 30, $2,
            'bulk address', $3 + (random() - 0.5) * 0.1, $4 + (random() - 0.5) * 0.1
     FROM generate_series(1, $5) AS i`,
    [suffix, complexId, center.lat, center.lng, size.firms ?? Math.max(1, Math.ceil(size.gaps / 10))],
  );
  const gaps: { id: string }[] = await dataSource.query(
    `WITH firm AS (SELECT id, site_lat, site_lng, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                   FROM firms WHERE complex_id = $1),
          spec AS (SELECT i, date '2027-02-01' + (i * 7 % 240) AS leave_start, 45 + (i * 13 % 60) AS days FROM generate_series(1, $2) AS i)
     INSERT INTO leave_gaps (firm_id, leave_type, leave_start, leave_end, role_title, required_skills, weekly_hours, hourly_wage,
                             site_lat, site_lng, placement_start, placement_end, vacancy_weekly_hours)
     SELECT firm.id, 'other', spec.leave_start, spec.leave_start + spec.days, 'bulk role',
            jsonb_build_array(jsonb_build_object('code', $3::text, 'level', 1 + spec.i % 3)), 40, 11000 + (spec.i % 5) * 500,
            firm.site_lat, firm.site_lng, spec.leave_start, spec.leave_start + spec.days, 40
     FROM spec JOIN firm ON firm.n = spec.i % firm.total
     RETURNING id`,
    [complexId, size.gaps, skill],
  );
  const seekers: { id: string }[] = await dataSource.query(
    `INSERT INTO seekers (display_name, phone, home_lat, home_lng, commute_mode, max_commute_minutes, skills, weekly_hours_min,
                          weekly_hours_max, min_hourly_wage, consent_at, waiting_since)
     SELECT 'bulk seeker ' || i, '010-0000-' || lpad(i::text, 4, '0'), $1 + (random() - 0.5) * 0.4, $2 + (random() - 0.5) * 0.4,
            'transit', 60 + (i % 4) * 10, jsonb_build_array(jsonb_build_object('code', $3::text, 'level', 1 + i % 4)),
            20, 40, 10500 + (i % 6) * 300, now(), date '2026-01-01' + (i % 300)
     FROM generate_series(1, $4) AS i
     RETURNING id`,
    [center.lat, center.lng, skill, size.seekers],
  );
  await dataSource.query(
    `INSERT INTO seeker_availability (seeker_id, start_date, end_date)
     SELECT id, date '2027-01-01' + (abs(hashtext(id::text)) % 120), date '2027-12-31' FROM seekers WHERE id = ANY($1::uuid[])`,
    [seekers.map((row) => row.id)],
  );
  return { complexId, gapIds: gaps.map((row) => row.id), seekerIds: seekers.map((row) => row.id), skill };
}

/** Takes a dataset out of later runs (the database is never truncated): gaps cancelled, seekers inactive. */
export async function retireBulkDataset(dataSource: DataSource, data: BulkDataset): Promise<void> {
  await dataSource.query(`UPDATE leave_gaps SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'open'`, [data.gapIds]);
  await dataSource.query(`UPDATE seekers SET status = 'inactive' WHERE id = ANY($1::uuid[])`, [data.seekerIds]);
}
