import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import { seekerReachBoxSql } from './seeker-reach';

/**
 * The seekers of a match run's instance, each already as the contract's JSON object, built by
 * the database: the same seekers, fields and order as InstanceBuilder's row-by-row path
 * (seekerRows, windows, lastPlacementEnds, toSeeker), so that the event loop neither parses
 * tens of thousands of rows nor serialises the objects it would make of them.
 * Parameters: $1–$4 the vacancies' box (min lat, max lat, min lng, max lng), $5–$6 their span
 * (first start, last end), $7 asOf. Optional fields are left out when null, as toSeeker does.
 * Returns one row: `seekers` (a JSON array, as text) and `seeker_ids` (the same ids, in order,
 * comma-separated: the driver parsed 50,000 as an array on the event loop in ~60 ms, a split takes a few).
 *
 * Each object is concatenated as text rather than built with json_build_object and
 * json_strip_nulls: at national size (54,745 seekers) those cost PostgreSQL ~1.1 s of CPU, most
 * of it json_build_object resolving each argument's type on every call and json_strip_nulls
 * parsing the 21 MB it had just built; the text costs ~0.75 s (docs/operations-scale.md,
 * session 7). Only values that cannot need escaping are concatenated raw: uuids, numbers,
 * dates, and commute_mode (ck_seekers_commute_mode); text arrays go through to_json. Dates are
 * their text form, `YYYY-MM-DD` under the ISO DateStyle the service reads every date in
 * (typeorm-options keeps dates as the database's text). Whitespace differs from
 * json_build_object's; the parsed values do not.
 */
const documentsSql = `
  WITH reached AS MATERIALIZED (
    SELECT s.id, s.home_lat, s.home_lng, s.commute_mode, s.max_commute_minutes, s.skills, s.certifications,
           s.weekly_hours_min, s.weekly_hours_max, s.min_hourly_wage, s.blocked_firm_ids, s.waiting_since
    FROM seekers s
    WHERE s.status = 'active' AND ${seekerReachBoxSql('s', '$1', '$2', '$3', '$4')}),
  -- Set-based per table (hash joins), not one index probe per seeker and table: at 50,000 seekers this halves the query.
  windows AS (
    SELECT a.seeker_id,
           '[' || string_agg('{"start":"' || a.start_date::text || '","end":"' || a.end_date::text || '"}', ',' ORDER BY a.start_date, a.end_date) || ']' AS list
    FROM seeker_availability a JOIN reached r ON r.id = a.seeker_id
    WHERE a.end_date >= $5::date AND a.start_date <= $6::date
    GROUP BY a.seeker_id),
  -- Confirmed placements are busy days (upper of a canonical daterange is exclusive), and so are
  -- the periods of gaps the seeker has an open referral for: they may be hired there.
  busy_periods AS (
    SELECT p.seeker_id, lower(p.period) AS start, upper(p.period) - 1 AS "end"
    FROM placements p JOIN reached r ON r.id = p.seeker_id
    WHERE p.status = 'confirmed' AND p.period && daterange($5::date, $6::date, '[]')
    UNION ALL
    SELECT ref.seeker_id, g.placement_start, g.placement_end
    FROM referrals ref JOIN reached r ON r.id = ref.seeker_id JOIN leave_gaps g ON g.id = ref.leave_gap_id
    WHERE ref.status IN (${OPEN_REFERRAL_STATUSES.map((status) => `'${status}'`).join(', ')})
      AND g.placement_end >= $5::date AND g.placement_start <= $6::date),
  busy AS (
    SELECT seeker_id, '[' || string_agg('{"start":"' || start::text || '","end":"' || "end"::text || '"}', ',' ORDER BY start, "end") || ']' AS list
    FROM busy_periods GROUP BY seeker_id),
  last_placement AS (
    SELECT p.seeker_id, max(upper(p.period)) - 1 AS ended
    FROM placements p JOIN reached r ON r.id = p.seeker_id
    WHERE p.status = 'confirmed' AND lower(p.period) <= $7::date
    GROUP BY p.seeker_id),
  documents AS (
    SELECT s.id,
      '{"id":"' || s.id::text
      || '","location":{"lat":' || s.home_lat::text || ',"lng":' || s.home_lng::text
      || '},"commuteMode":"' || s.commute_mode
      || '","maxCommuteMinutes":' || s.max_commute_minutes::text
      -- Only code and level of each skill, in their order, as toSeeker takes them.
      || ',"skills":' || (SELECT coalesce(json_agg(json_build_object('code', own.skill -> 'code', 'level', own.skill -> 'level') ORDER BY own.position), '[]')
                          FROM jsonb_array_elements(s.skills) WITH ORDINALITY AS own(skill, position))::text
      || ',"certifications":' || to_json(s.certifications)::text
      || ',"availability":' || coalesce(windows.list, '[]')
      || ',"busy":' || coalesce(busy.list, '[]')
      || ',"weeklyHours":{"min":' || s.weekly_hours_min::text || ',"max":' || s.weekly_hours_max::text || '}'
      || CASE WHEN s.min_hourly_wage IS NULL THEN '' ELSE ',"minHourlyWage":' || s.min_hourly_wage::text END
      || ',"blockedFirmIds":' || to_json(s.blocked_firm_ids)::text
      -- waitingSince per the contract: registered or last placement (begun by asOf) ended, whichever is later.
      || ',"waitingSince":"' || greatest(s.waiting_since, last_placement.ended)::text || '"}' AS document
    FROM reached s
      LEFT JOIN windows ON windows.seeker_id = s.id
      LEFT JOIN busy ON busy.seeker_id = s.id
      LEFT JOIN last_placement ON last_placement.seeker_id = s.id)`;

/**
 * The seekers in id order from an ordered subquery: PostgreSQL 15 sorts an aggregate's own
 * ORDER BY inside the aggregate, once per aggregate, here the 21 MB of documents and then the
 * ids again (~0.2 s of a national build); the subquery's order is a sort of the narrow rows
 * before the documents are made. SQL does not promise that an aggregate sees a subquery's rows
 * in its order, so the builder checks the ids it returns (both aggregates read the same rows in
 * the same order): should they not ascend, it asks SEEKERS_JSON_SQL_ORDERED instead.
 */
export const SEEKERS_JSON_SQL = `${documentsSql}
  SELECT coalesce('[' || string_agg(document, ',') || ']', '[]') AS seekers, coalesce(string_agg(id::text, ','), '') AS seeker_ids
  FROM (SELECT id, document FROM documents ORDER BY id) ordered`;

/** SEEKERS_JSON_SQL with the order in the aggregates themselves: what SQL guarantees, and slower. */
export const SEEKERS_JSON_SQL_ORDERED = `${documentsSql}
  SELECT coalesce('[' || string_agg(document, ',' ORDER BY id) || ']', '[]') AS seekers, coalesce(string_agg(id::text, ',' ORDER BY id), '') AS seeker_ids
  FROM documents`;

/** Whether comma-separated uuids ascend (the database's uuid order is its bytes', which lowercase hex keeps). */
export function idsAscend(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return false;
  return true;
}
