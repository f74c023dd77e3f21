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
 */
export const SEEKERS_JSON_SQL = `
  WITH reached AS MATERIALIZED (
    SELECT s.* FROM seekers s
    WHERE s.status = 'active' AND ${seekerReachBoxSql('s', '$1', '$2', '$3', '$4')}),
  -- Set-based per table (hash joins), not one index probe per seeker and table: at 50,000 seekers this halves the query.
  windows AS (
    SELECT a.seeker_id, json_agg(json_build_object('start', a.start_date, 'end', a.end_date) ORDER BY a.start_date, a.end_date) AS list
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
    SELECT seeker_id, json_agg(json_build_object('start', start, 'end', "end") ORDER BY start, "end") AS list
    FROM busy_periods GROUP BY seeker_id),
  last_placement AS (
    SELECT p.seeker_id, max(upper(p.period)) - 1 AS ended
    FROM placements p JOIN reached r ON r.id = p.seeker_id
    WHERE p.status = 'confirmed' AND lower(p.period) <= $7::date
    GROUP BY p.seeker_id),
  documents AS (
    SELECT s.id, json_strip_nulls(json_build_object(
      'id', s.id,
      'location', json_build_object('lat', s.home_lat, 'lng', s.home_lng),
      'commuteMode', s.commute_mode,
      'maxCommuteMinutes', s.max_commute_minutes,
      'skills', (SELECT coalesce(json_agg(json_build_object('code', own.skill -> 'code', 'level', own.skill -> 'level') ORDER BY own.position), '[]')
                 FROM jsonb_array_elements(s.skills) WITH ORDINALITY AS own(skill, position)),
      'certifications', to_json(s.certifications),
      'availability', coalesce(windows.list, '[]'),
      'busy', coalesce(busy.list, '[]'),
      'weeklyHours', json_build_object('min', s.weekly_hours_min, 'max', s.weekly_hours_max),
      'minHourlyWage', s.min_hourly_wage,
      'blockedFirmIds', to_json(s.blocked_firm_ids),
      -- waitingSince per the contract: registered or last placement (begun by asOf) ended, whichever is later.
      'waitingSince', greatest(s.waiting_since, last_placement.ended)
    )) AS document
    FROM reached s
      LEFT JOIN windows ON windows.seeker_id = s.id
      LEFT JOIN busy ON busy.seeker_id = s.id
      LEFT JOIN last_placement ON last_placement.seeker_id = s.id)
  SELECT coalesce(json_agg(document ORDER BY id), '[]')::text AS seekers, coalesce(string_agg(id::text, ',' ORDER BY id), '') AS seeker_ids
  FROM documents`;
