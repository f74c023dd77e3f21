import { EntityManager, QueryFailedError } from 'typeorm';
import { addDays } from '../common/calendar-date';
import { ConflictError } from '../common/domain-error';
import { recordEvent } from '../outbox/outbox';
import { DatePeriod, parseDateRange, toDateRangeLiteral } from './placement-period';

const EXCLUSION_VIOLATION = '23P01';

/** The days of `next` that `previous` did not have: none, one or two runs (before and after). */
export function addedDays(previous: DatePeriod, next: DatePeriod): DatePeriod[] {
  const added: DatePeriod[] = [];
  if (next.start < previous.start) {
    const end = addDays(previous.start, -1);
    added.push({ start: next.start, end: end < next.end ? end : next.end });
  }
  if (next.end > previous.end) {
    const start = addDays(previous.end, 1);
    added.push({ start: start > next.start ? start : next.start, end: next.end });
  }
  return added;
}

/**
 * The placement's period once its gap moves from `previousGap` to `nextGap`. A placement covers
 * the whole gap unless it starts later (a referral's agreed start, a confirm after the gap had
 * begun) or ends earlier (a referral that ended early): those ends stay where they are while
 * the gap's new period still includes them, so a change never grows it back over days left out.
 */
export function followGap(placement: DatePeriod, previousGap: DatePeriod, nextGap: DatePeriod): DatePeriod {
  const start = placement.start > previousGap.start && placement.start > nextGap.start ? placement.start : nextGap.start;
  const end = placement.end < previousGap.end && placement.end < nextGap.end ? placement.end : nextGap.end;
  return { start, end };
}

/**
 * Moves the confirmed placement of a filled gap with the gap's new period (followGap), inside the caller's
 * transaction, which holds the gap row. Added days must lie within the seeker's availability
 * and clear of the seeker's other placements (the exclusion constraint has the last word);
 * removed days are free again as soon as this commits. Lock order as in confirm: gap, seeker,
 * placement. Answers the placement's id, or undefined when the gap has no confirmed placement.
 */
export async function amendConfirmedPlacement(
  manager: EntityManager,
  leaveGapId: string,
  gap: { readonly previous: DatePeriod; readonly next: DatePeriod },
): Promise<{ placementId: string; previous: DatePeriod } | undefined> {
  const [found]: { id: string; seeker_id: string }[] = await manager.query(
    `SELECT id, seeker_id FROM placements WHERE leave_gap_id = $1 AND status = 'confirmed'`,
    [leaveGapId],
  );
  if (!found) return undefined;
  await manager.query('SELECT id FROM seekers WHERE id = $1 FOR NO KEY UPDATE', [found.seeker_id]);
  const [placement]: { period: string }[] = await manager.query(`SELECT period::text AS period FROM placements WHERE id = $1 FOR UPDATE`, [
    found.id,
  ]);
  const previous = parseDateRange(placement.period);
  const period = followGap(previous, gap.previous, gap.next);
  if (period.start > period.end) {
    throw new ConflictError('placement.outside_gap', "The leave gap's new period leaves none of the placement's days.", {
      placementId: found.id,
      placement: previous,
      placementPeriod: gap.next,
    });
  }
  const added = addedDays(previous, period);
  if (added.length > 0) {
    const [availability]: { covered: boolean }[] = await manager.query(
      `SELECT coalesce(bool_and(covering.ranges @> wanted.range), false) AS covered
       FROM (SELECT range_agg(daterange(start_date, end_date, '[]')) AS ranges FROM seeker_availability WHERE seeker_id = $1) covering,
            unnest($2::daterange[]) AS wanted(range)`,
      [found.seeker_id, added.map(toDateRangeLiteral)],
    );
    if (!availability.covered) {
      throw new ConflictError('seeker.unavailable', "The placed seeker's availability does not cover the days the change adds.", {
        placementId: found.id,
        seekerId: found.seeker_id,
        addedDays: added,
      });
    }
  }
  try {
    await manager.query(`UPDATE placements SET period = $2::daterange, updated_at = now() WHERE id = $1`, [found.id, toDateRangeLiteral(period)]);
  } catch (error) {
    if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string }).code !== EXCLUSION_VIOLATION) throw error;
    throw new ConflictError('placement.seeker_double_booked', 'The placed seeker has another confirmed placement on the days the change adds.', {
      placementId: found.id,
      seekerId: found.seeker_id,
      addedDays: added,
    });
  }
  await recordEvent(manager, {
    type: 'placement.amended',
    aggregateType: 'placement',
    aggregateId: found.id,
    payload: { leaveGapId, seekerId: found.seeker_id, previousPeriod: previous, period },
  });
  return { placementId: found.id, previous };
}
