/**
 * The call list as SQL: expected leaves still to be acted on, with the registered firm (matched by
 * business number), its complex and the latest contact. "Covered" and the order are documented in
 * docs/outreach.md; the family table comes from outreach-codes.ts.
 */
import { CLOSING_OUTCOMES, LEAVE_TYPE_FAMILY } from './outreach-codes';
import type { CallListFilters } from './dto/call-list.dto';

/** `CASE <column> WHEN 'maternity' THEN 'childbirth_childcare' … END`, built from the constant table (no input reaches it). */
function familyOf(column: string): string {
  const cases = Object.entries(LEAVE_TYPE_FAMILY).map(([type, family]) => `WHEN '${type}' THEN '${family}'`);
  return `CASE ${column} ${cases.join(' ')} END`;
}

/**
 * A posted gap covers an expected leave when it is the same firm's, not cancelled, its leave
 * dates overlap the expected dates (both ends inclusive) and its leave type is of the same family.
 */
export const COVERING_GAP = `
  SELECT 1 FROM leave_gaps g
  WHERE g.firm_id = f.id
    AND g.status <> 'cancelled'
    AND g.leave_start <= e.expected_end
    AND g.leave_end >= e.expected_start
    AND ${familyOf('g.leave_type')} = ${familyOf('e.leave_type')}`;

export interface CallListSql {
  text: string;
  parameters: unknown[];
}

export interface CallListRow {
  id: string;
  business_number: string;
  leave_type: string;
  expected_start: string;
  expected_end: string;
  source_firm_name: string | null;
  source_firm_address: string | null;
  firm_id: string | null;
  firm_name: string | null;
  firm_status: string | null;
  complex_id: string | null;
  complex_name: string | null;
  contact_id: string | null;
  contact_channel: string | null;
  contact_outcome: string | null;
  contact_note: string | null;
  contact_occurred_at: Date | null;
  contact_count: number;
  total: number;
}

/** Where the previous batch of an export ended: the list's order key of its last row. */
export interface CallListCursor {
  expectedStart: string;
  expectedEnd: string;
  businessNumber: string;
  id: string;
}

/** Leaves that have ended before `today` are no longer anyone's to fill and leave the list. */
/** `withTotal`: count every matching row too (a window over the whole list: the list's pages need it, an export does not). */
export function callListSql(filters: CallListFilters, today: string, limit: number, offset: number, withTotal = true, after?: CallListCursor): CallListSql {
  const parameters: unknown[] = [today, [...CLOSING_OUTCOMES]];
  const parameter = (value: unknown) => `$${parameters.push(value)}`;
  const conditions = [
    `e.expected_end >= $1`,
    `(latest.outcome IS NULL OR latest.outcome <> ALL($2::text[]))`,
    `NOT EXISTS (${COVERING_GAP})`,
  ];
  if (after !== undefined) {
    conditions.push(
      `(e.expected_start, e.expected_end, e.business_number, e.id) > (${parameter(after.expectedStart)}::date, ${parameter(after.expectedEnd)}::date, ${parameter(after.businessNumber)}, ${parameter(after.id)}::uuid)`,
    );
  }
  if (filters.complexId !== undefined) conditions.push(`f.complex_id = ${parameter(filters.complexId)}`);
  if (filters.registration === 'registered') conditions.push(`f.id IS NOT NULL`);
  if (filters.registration === 'unregistered') conditions.push(`f.id IS NULL`);
  if (filters.leaveType !== undefined) conditions.push(`e.leave_type = ${parameter(filters.leaveType)}`);
  if (filters.latestOutcome === 'none') conditions.push(`latest.outcome IS NULL`);
  else if (filters.latestOutcome !== undefined) conditions.push(`latest.outcome = ${parameter(filters.latestOutcome)}`);
  if (filters.startsBy !== undefined) conditions.push(`e.expected_start <= ${parameter(filters.startsBy)}`);
  if (filters.businessNumber !== undefined) conditions.push(`e.business_number = ${parameter(filters.businessNumber)}`);
  if (filters.importId !== undefined) {
    conditions.push(`EXISTS (SELECT 1 FROM expected_leave_sources s WHERE s.expected_leave_id = e.id AND s.import_id = ${parameter(filters.importId)})`);
  }
  const text = `
    SELECT e.id, e.business_number, e.leave_type, e.expected_start, e.expected_end, e.source_firm_name, e.source_firm_address,
           f.id AS firm_id, f.name AS firm_name, f.status AS firm_status, c.id AS complex_id, c.name AS complex_name,
           latest.id::text AS contact_id, latest.channel AS contact_channel, latest.outcome AS contact_outcome,
           latest.coordinator_note AS contact_note, latest.occurred_at AS contact_occurred_at,
           (SELECT count(*)::int FROM outreach_contacts oc WHERE oc.expected_leave_id = e.id) AS contact_count,
           ${withTotal ? 'count(*) OVER ()::int' : '0'} AS total
    FROM expected_leaves e
    LEFT JOIN firms f ON f.business_number = e.business_number
    LEFT JOIN industrial_complexes c ON c.id = f.complex_id
    LEFT JOIN LATERAL (
      SELECT oc.id, oc.channel, oc.outcome, oc.coordinator_note, oc.occurred_at FROM outreach_contacts oc
      WHERE oc.expected_leave_id = e.id ORDER BY oc.occurred_at DESC, oc.id DESC LIMIT 1
    ) latest ON true
    WHERE ${conditions.join('\n      AND ')}
    ORDER BY e.expected_start, e.expected_end, e.business_number, e.id
    LIMIT ${parameter(limit)} OFFSET ${parameter(offset)}`;
  return { text, parameters };
}
