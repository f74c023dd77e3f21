import type { EntityManager } from 'typeorm';
import { COMMUTE_MODEL, EARTH_RADIUS_KM } from './core/commute';
import { DEFAULT_NEAR_MISS_LIMIT } from './core/diagnostics';
import { CommuteMode, FEASIBILITY_RULES, FeasibilityRule, Vacancy } from './core/types';
import { WIDEST_COMMUTE_SQL, seekerReachBoxSql, widestReachBoxSql } from './seeker-reach';

/**
 * Within this many minutes of a limit the database's floating-point commute is not trusted to
 * agree with the engine's to the last bit: such seekers are always handed to the engine.
 */
const COMMUTE_UNCERTAINTY_MINUTES = 1e-6;
/** feasibility.ts ranks a blocked seeker after every other near miss (a block is not a matter of degree). */
const UNFIXABLE_SHORTFALL = 1e9;

export type ExcludedCounts = { [rule in FeasibilityRule]: number };

/** Which seekers of a vacancy's neighbourhood the engine must see, and what the others fail. */
export interface PlausibleSeekers {
  /** Every feasible seeker and every seeker that can be among the closest near misses. */
  readonly seekerIds: string[];
  /** Rule failures of the seekers left out, counted as the engine would. */
  readonly excludedElsewhere: ExcludedCounts;
}

const modeParameter = (pick: (mode: CommuteMode) => number) =>
  `CASE s.commute_mode WHEN 'transit' THEN ${pick('transit')}::float8 WHEN 'car' THEN ${pick('car')}::float8
     WHEN 'bicycle' THEN ${pick('bicycle')}::float8 ELSE ${pick('walk')}::float8 END`;

/**
 * Shortfalls computed by the database may differ from the engine's in the last bits (sums in
 * another order, its own trigonometry): near misses this close to the cut are kept too.
 */
const SHORTFALL_SLACK = 1e-9;

/**
 * The live view of one vacancy asks the database for the few seekers that matter instead of
 * loading the whole neighbourhood. The database checks every rule (exactly, except the
 * commute up to a hair's width) and keeps the feasible seekers and, among those failing
 * exactly one rule, the ones that can be among the engine's closest near misses: it ranks
 * them by the engine's own shortfall (feasibility.ts) and keeps every one up to the
 * DEFAULT_NEAR_MISS_LIMIT-th, with a slack. The engine then judges them again and picks the
 * near misses itself; everyone else is only counted, rule by rule, for `excludedBy`. The
 * neighbourhood is the instance builder's (NEAR_MISS_REACH_FACTOR × reach).
 */
export async function plausibleSeekers(manager: EntityManager, vacancy: Vacancy): Promise<PlausibleSeekers> {
  const overhead = modeParameter((mode) => COMMUTE_MODEL[mode].overheadMinutes);
  const minutesPerKm = modeParameter((mode) => (60 * COMMUTE_MODEL[mode].detour) / COMMUTE_MODEL[mode].speedKmPerHour);
  const failures = FEASIBILITY_RULES.map((rule) => `${rule}::int`).join(' + ');
  const [row]: Record<string, unknown>[] = await manager.query(
    `WITH widest AS MATERIALIZED (${WIDEST_COMMUTE_SQL}),
     neighbourhood AS (
       SELECT s.* FROM seekers s, widest
       WHERE s.status = 'active' AND ${widestReachBoxSql('s', '$1', '$2', 'widest.minutes')}
         AND ${seekerReachBoxSql('s', '$1', '$1', '$2', '$2')}
         -- Always true; it types $3 and $12 when no skill is required (nothing else names them then).
         AND cardinality($3::text[]) = cardinality($12::int[])),
     profiled AS MATERIALIZED (
       SELECT s.*,
         coalesce((SELECT range_agg(daterange(a.start_date, a.end_date, '[]')) FROM seeker_availability a
                   WHERE a.seeker_id = s.id AND a.end_date >= $5::date AND a.start_date <= $6::date), '{}'::datemultirange)
         - coalesce((SELECT range_agg(p.period) FROM placements p WHERE p.seeker_id = s.id AND p.status = 'confirmed'
                     AND p.period && daterange($5::date, $6::date, '[]')), '{}'::datemultirange) AS free,
         ${overhead} + ${minutesPerKm} * 2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
           sin(radians($1::float8 - s.home_lat) / 2) ^ 2
           + cos(radians(s.home_lat)) * cos(radians($1::float8)) * sin(radians($2::float8 - s.home_lng) / 2) ^ 2))) AS minutes,
         least(s.max_commute_minutes::float8, coalesce($11::float8, 'Infinity'::float8)) AS commute_limit,
         (SELECT coalesce(jsonb_object_agg(own->>'code', (own->>'level')::int), '{}') FROM jsonb_array_elements(s.skills) AS own) AS levels
       FROM neighbourhood s),
     judged AS MATERIALIZED (
       SELECT s.id, s.free, s.minutes, s.commute_limit, s.levels, s.certifications AS own_certifications,
         s.weekly_hours_min, s.weekly_hours_max, s.min_hourly_wage,
         ${skillsFailSql('s.levels', vacancy)} AS skills,
         NOT (s.certifications @> $4::text[]) AS certifications,
         NOT (s.free @> daterange($5::date, $6::date, '[]')) AS dates,
         NOT (s.weekly_hours_min <= $7::float8 AND $7::float8 <= s.weekly_hours_max) AS hours,
         (s.min_hourly_wage IS NOT NULL AND $8::int < s.min_hourly_wage) AS wage,
         s.minutes - s.commute_limit > ${COMMUTE_UNCERTAINTY_MINUTES} AS commute,
         abs(s.minutes - s.commute_limit) <= ${COMMUTE_UNCERTAINTY_MINUTES} AS uncertain,
         ($9::uuid = ANY (s.blocked_firm_ids)
          OR EXISTS (SELECT 1 FROM rejected_pairs r WHERE r.leave_gap_id = $10::uuid AND r.seeker_id = s.id)) AS blocked
       FROM profiled s),
     near AS MATERIALIZED (
       SELECT j.id, CASE
         WHEN j.skills THEN ${skillsShortfallSql('j.levels', vacancy)}
         WHEN j.certifications THEN (SELECT count(*)::float8 FROM unnest($4::text[]) AS code WHERE NOT code = ANY (j.own_certifications))
         WHEN j.dates THEN (SELECT coalesce(sum(upper(missing) - lower(missing)), 0)::float8
                            FROM unnest(datemultirange(daterange($5::date, $6::date, '[]')) - j.free) AS missing)
                           / ($6::date - $5::date + 1)
         WHEN j.hours THEN greatest(j.weekly_hours_min - $7::float8, $7::float8 - j.weekly_hours_max) / $7::float8
         WHEN j.wage THEN (j.min_hourly_wage - $8::int)::float8 / j.min_hourly_wage
         WHEN j.commute THEN (j.minutes - j.commute_limit) / greatest(j.commute_limit, 1)
         ELSE ${UNFIXABLE_SHORTFALL}::float8 END AS shortfall
       FROM judged j WHERE ${failures} = 1 AND NOT j.uncertain),
     cut AS (SELECT shortfall FROM near ORDER BY shortfall, id OFFSET ${DEFAULT_NEAR_MISS_LIMIT - 1} LIMIT 1),
     classified AS MATERIALIZED (
       SELECT j.*, (${failures} = 0 OR j.uncertain
                    OR j.id IN (SELECT id FROM near WHERE NOT EXISTS (SELECT 1 FROM cut)
                                                    OR near.shortfall <= (SELECT shortfall FROM cut) + ${SHORTFALL_SLACK})) AS plausible
       FROM judged j)
     SELECT coalesce(array_agg(id ORDER BY id) FILTER (WHERE plausible), '{}') AS seeker_ids,
       ${FEASIBILITY_RULES.map((rule) => `count(*) FILTER (WHERE NOT plausible AND ${rule})::int AS ${rule}`).join(',\n       ')}
     FROM classified`,
    [
      vacancy.location.lat,
      vacancy.location.lng,
      vacancy.requiredSkills.map((skill) => skill.code),
      vacancy.requiredCertifications,
      vacancy.start,
      vacancy.end,
      vacancy.weeklyHours,
      vacancy.hourlyWage,
      vacancy.firmId,
      vacancy.id,
      vacancy.maxCommuteMinutes ?? null,
      vacancy.requiredSkills.map((skill) => skill.level),
    ],
  );
  return {
    seekerIds: row.seeker_ids as string[],
    excludedElsewhere: Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, row[rule] as number])) as ExcludedCounts,
  };
}

/** The seeker's level of the vacancy's i-th required skill (0 when missing); `levels` maps code → level. */
const levelSql = (levels: string, index: number) => `coalesce((${levels} ->> ($3::text[])[${index + 1}])::int, 0)`;

/** Whether some required skill is missing or below its level ($3: codes, $12: levels, in order). */
function skillsFailSql(levels: string, vacancy: Vacancy): string {
  if (vacancy.requiredSkills.length === 0) return 'false';
  return `(${vacancy.requiredSkills.map((_, index) => `${levelSql(levels, index)} < ($12::int[])[${index + 1}]`).join(' OR ')})`;
}

/** feasibility.ts's skills shortfall: Σ max(0, required − held) / 5, summed in the same order. */
function skillsShortfallSql(levels: string, vacancy: Vacancy): string {
  if (vacancy.requiredSkills.length === 0) return '0::float8';
  return `(0::float8 ${vacancy.requiredSkills
    .map((_, index) => `+ greatest(0, ($12::int[])[${index + 1}] - ${levelSql(levels, index)})::float8 / 5`)
    .join(' ')})`;
}
