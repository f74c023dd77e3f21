import type { EntityManager } from 'typeorm';
import { COMMUTE_MODEL, EARTH_RADIUS_KM } from './core/commute';
import { CommuteMode, FEASIBILITY_RULES, FeasibilityRule, Vacancy } from './core/types';
import { seekerReachBoxSql, widestReachBoxSql } from './seeker-reach';

/**
 * Within this many minutes of a limit the database's floating-point commute is not trusted to
 * agree with the engine's to the last bit: such seekers are always handed to the engine.
 */
const COMMUTE_UNCERTAINTY_MINUTES = 1e-6;

export type ExcludedCounts = { [rule in FeasibilityRule]: number };

/** Which seekers of a vacancy's neighbourhood the engine must see, and what the others fail. */
export interface PlausibleSeekers {
  /** Seekers that are feasible or fail at most one rule: every candidate and near miss is among them. */
  readonly seekerIds: string[];
  /** Rule failures of the seekers left out (each fails two rules or more), counted as the engine would. */
  readonly excludedElsewhere: ExcludedCounts;
}

const modeParameter = (pick: (mode: CommuteMode) => number) =>
  `CASE s.commute_mode WHEN 'transit' THEN ${pick('transit')}::float8 WHEN 'car' THEN ${pick('car')}::float8
     WHEN 'bicycle' THEN ${pick('bicycle')}::float8 ELSE ${pick('walk')}::float8 END`;

/**
 * The live view of one vacancy asks the database for the few seekers that matter instead of
 * loading the whole neighbourhood: the database checks every rule it can check exactly
 * (skills, certifications, dates, hours, wage, blocks; commute up to a hair's width) and keeps
 * the seekers failing at most one of them, so that the engine still judges every candidate
 * and every near miss. The others are only counted, rule by rule, for `excludedBy`. The
 * neighbourhood is the same as the instance builder's (NEAR_MISS_REACH_FACTOR × reach).
 */
export async function plausibleSeekers(manager: EntityManager, vacancy: Vacancy): Promise<PlausibleSeekers> {
  const overhead = modeParameter((mode) => COMMUTE_MODEL[mode].overheadMinutes);
  const minutesPerKm = modeParameter((mode) => (60 * COMMUTE_MODEL[mode].detour) / COMMUTE_MODEL[mode].speedKmPerHour);
  const [row]: Record<string, unknown>[] = await manager.query(
    `WITH neighbourhood AS (
       SELECT s.* FROM seekers s
       WHERE s.status = 'active' AND ${widestReachBoxSql('s', '$1', '$2')}
         AND ${seekerReachBoxSql('s', '$1', '$1', '$2', '$2')}),
     judged AS (
       SELECT s.id,
         EXISTS (SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS need(code text, level int)
                 WHERE NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(s.skills) AS own(code text, level int)
                                   WHERE own.code = need.code AND own.level >= need.level)) AS skills,
         NOT (s.certifications @> $4::text[]) AS certifications,
         NOT (coalesce((SELECT range_agg(daterange(a.start_date, a.end_date, '[]')) FROM seeker_availability a
                        WHERE a.seeker_id = s.id AND a.end_date >= $5::date AND a.start_date <= $6::date)
                       @> daterange($5::date, $6::date, '[]'), false)
              AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.seeker_id = s.id AND p.status = 'confirmed'
                              AND p.period && daterange($5::date, $6::date, '[]'))) AS dates,
         NOT (s.weekly_hours_min <= $7::float8 AND $7::float8 <= s.weekly_hours_max) AS hours,
         (s.min_hourly_wage IS NOT NULL AND $8::int < s.min_hourly_wage) AS wage,
         ($9::uuid = ANY (s.blocked_firm_ids)
          OR EXISTS (SELECT 1 FROM rejected_pairs r WHERE r.leave_gap_id = $10::uuid AND r.seeker_id = s.id)) AS blocked,
         ${overhead} + ${minutesPerKm} * 2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
           sin(radians($1::float8 - s.home_lat) / 2) ^ 2
           + cos(radians(s.home_lat)) * cos(radians($1::float8)) * sin(radians($2::float8 - s.home_lng) / 2) ^ 2)))
           - least(s.max_commute_minutes::float8, coalesce($11::float8, 'Infinity'::float8)) AS commute_excess
       FROM neighbourhood s),
     classified AS (
       SELECT *, commute_excess > ${COMMUTE_UNCERTAINTY_MINUTES} AS commute,
         (skills::int + certifications::int + dates::int + hours::int + wage::int + blocked::int <= 1
          OR abs(commute_excess) <= ${COMMUTE_UNCERTAINTY_MINUTES}) AS plausible
       FROM judged)
     SELECT coalesce(array_agg(id ORDER BY id) FILTER (WHERE plausible), '{}') AS seeker_ids,
       ${FEASIBILITY_RULES.map((rule) => `count(*) FILTER (WHERE NOT plausible AND ${rule})::int AS ${rule}`).join(',\n       ')}
     FROM classified`,
    [
      vacancy.location.lat,
      vacancy.location.lng,
      JSON.stringify(vacancy.requiredSkills),
      vacancy.requiredCertifications,
      vacancy.start,
      vacancy.end,
      vacancy.weeklyHours,
      vacancy.hourlyWage,
      vacancy.firmId,
      vacancy.id,
      vacancy.maxCommuteMinutes ?? null,
    ],
  );
  return {
    seekerIds: row.seeker_ids as string[],
    excludedElsewhere: Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, row[rule] as number])) as ExcludedCounts,
  };
}
