import type { EntityManager } from 'typeorm';

/**
 * Cancels one gap, or every gap of a firm, that is still open, and retires their open
 * proposals in the same statement: none stays waiting for a decision that can no longer be
 * made. Only open gaps: a confirmation committed meanwhile has filled its gap, and wins.
 */
export async function cancelOpenLeaveGaps(
  db: Pick<EntityManager, 'query'>,
  scope: { readonly gapId: string } | { readonly firmId: string },
): Promise<void> {
  const [column, value] = 'gapId' in scope ? ['id', scope.gapId] : ['firm_id', scope.firmId];
  await db.query(
    `WITH cancelled AS (
       UPDATE leave_gaps SET status = 'cancelled', updated_at = now() WHERE ${column} = $1 AND status = 'open' RETURNING id)
     UPDATE proposals SET status = 'superseded', decided_at = now(), updated_at = now(), reason = 'the leave gap was cancelled'
     WHERE status = 'proposed' AND leave_gap_id IN (SELECT id FROM cancelled)`,
    [value],
  );
}
