import type { EntityManager } from 'typeorm';

export type OutboxEventType =
  | 'match_run.queued'
  | 'match_run.started'
  | 'match_run.succeeded'
  | 'match_run.failed'
  | 'proposal.confirmed'
  | 'proposal.rejected'
  | 'proposal.superseded'
  | 'placement.cancelled'
  | 'placement.amended';

export interface OutboxEntry {
  type: OutboxEventType;
  aggregateType: 'match_run' | 'proposal' | 'placement';
  aggregateId: string;
  /** Ids and facts only, never personal data (names, phone numbers, free-text reasons). */
  payload?: Record<string, unknown>;
}

/** Records a state change through the caller's transaction, so it exists exactly when the change does. */
export async function recordEvent(manager: EntityManager, entry: OutboxEntry): Promise<void> {
  await manager.query(
    `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4::jsonb)`,
    [entry.type, entry.aggregateType, entry.aggregateId, JSON.stringify(entry.payload ?? {})],
  );
}
