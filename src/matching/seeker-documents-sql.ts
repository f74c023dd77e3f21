import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import { DateRange } from './core/types';
import { skillListJsonSql } from './contract-json-sql';
import { seekerReachBoxSql } from './seeker-reach';

/** SQL expressions (literals) for the values a run's seekers are selected by. */
interface DocumentValues {
  readonly minLat: string;
  readonly maxLat: string;
  readonly minLng: string;
  readonly maxLng: string;
  readonly spanStart: string;
  readonly spanEnd: string;
  readonly asOf: string;
}

/**
 * The seekers of a match run's instance, each already as the contract's JSON object, built by
 * the database: the same seekers, fields and order as InstanceBuilder's row-by-row path
 * (seekerRows, windows, lastPlacementEnds, toSeeker), so that the event loop neither parses
 * tens of thousands of rows nor serialises the objects it would make of them. Selected by the
 * vacancies' box (min and max lat, lng) and span (first start, last end), and asOf. Optional
 * fields are left out when null, as toSeeker does.
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
const documentsSql = (v: DocumentValues) => `
  WITH reached AS MATERIALIZED (
    SELECT s.id, s.home_lat, s.home_lng, s.commute_mode, s.max_commute_minutes, s.skills, s.certifications,
           s.weekly_hours_min, s.weekly_hours_max, s.min_hourly_wage, s.blocked_firm_ids, s.waiting_since
    FROM seekers s
    WHERE s.status = 'active' AND ${seekerReachBoxSql('s', v.minLat, v.maxLat, v.minLng, v.maxLng)}),
  -- Set-based per table (hash joins), not one index probe per seeker and table: at 50,000 seekers this halves the query.
  windows AS (
    SELECT a.seeker_id,
           '[' || string_agg('{"start":"' || a.start_date::text || '","end":"' || a.end_date::text || '"}', ',' ORDER BY a.start_date, a.end_date) || ']' AS list
    FROM seeker_availability a JOIN reached r ON r.id = a.seeker_id
    WHERE a.end_date >= ${v.spanStart}::date AND a.start_date <= ${v.spanEnd}::date
    GROUP BY a.seeker_id),
  -- Confirmed placements are busy days (upper of a canonical daterange is exclusive), and so are
  -- the periods of gaps the seeker has an open referral for: they may be hired there.
  busy_periods AS (
    SELECT p.seeker_id, lower(p.period) AS start, upper(p.period) - 1 AS "end"
    FROM placements p JOIN reached r ON r.id = p.seeker_id
    WHERE p.status = 'confirmed' AND p.period && daterange(${v.spanStart}::date, ${v.spanEnd}::date, '[]')
    UNION ALL
    SELECT ref.seeker_id, g.placement_start, g.placement_end
    FROM referrals ref JOIN reached r ON r.id = ref.seeker_id JOIN leave_gaps g ON g.id = ref.leave_gap_id
    WHERE ref.status IN (${OPEN_REFERRAL_STATUSES.map((status) => `'${status}'`).join(', ')})
      AND g.placement_end >= ${v.spanStart}::date AND g.placement_start <= ${v.spanEnd}::date),
  busy AS (
    SELECT seeker_id, '[' || string_agg('{"start":"' || start::text || '","end":"' || "end"::text || '"}', ',' ORDER BY start, "end") || ']' AS list
    FROM busy_periods GROUP BY seeker_id),
  last_placement AS (
    SELECT p.seeker_id, max(upper(p.period)) - 1 AS ended
    FROM placements p JOIN reached r ON r.id = p.seeker_id
    WHERE p.status = 'confirmed' AND lower(p.period) <= ${v.asOf}::date
    GROUP BY p.seeker_id),
  documents AS (
    SELECT s.id,
      '{"id":"' || s.id::text
      || '","location":{"lat":' || s.home_lat::text || ',"lng":' || s.home_lng::text
      || '},"commuteMode":"' || s.commute_mode
      || '","maxCommuteMinutes":' || s.max_commute_minutes::text
      || ',"skills":' || ${skillListJsonSql('s.skills')}
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value as an SQL literal, for COPY, which takes no parameters: only finite numbers and ISO dates, never free text. */
function literal(value: number | string): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // The shortest text that reads back as the same double, as pg sends a float8 parameter.
    return `'${String(value)}'`;
  }
  if (!DATE.test(value)) throw new RangeError(`not an ISO date: ${value}`);
  return `'${value}'`;
}

/**
 * The run's seekers as rows (id, document) in id order, in PostgreSQL's binary COPY format:
 * each document's UTF-8 goes from the socket into the run's shared text without ever being one
 * string or one row of 21 MB (the aggregate this replaces cost the event loop a 21 MB receive
 * buffer, its decoding and its encoding again, and PostgreSQL the aggregate itself). Ordered by
 * the uuid itself: `ORDER BY id` would name the text output column and sort by the database's
 * collation, ~10 % of the statement at national size.
 */
export function seekerDocumentsCopySql(box: readonly [number, number, number, number], span: DateRange, asOf: string): string {
  const [minLat, maxLat, minLng, maxLng] = box.map(literal);
  const values = { minLat, maxLat, minLng, maxLng, spanStart: literal(span.start), spanEnd: literal(span.end), asOf: literal(asOf) };
  return `COPY (${documentsSql(values)}
  SELECT id::text, document FROM documents ORDER BY documents.id) TO STDOUT (FORMAT binary)`;
}
