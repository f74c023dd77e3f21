import type { EntityManager } from 'typeorm';

export type OutboxEventType =
  | 'match_run.queued'
  | 'match_run.started'
  | 'match_run.succeeded'
  | 'match_run.failed'
  | 'proposal.proposed'
  | 'proposal.confirmed'
  | 'proposal.rejected'
  | 'proposal.superseded'
  | 'placement.cancelled'
  | 'placement.amended'
  | 'referral.offered'
  | 'referral.seeker_accepted'
  | 'referral.seeker_declined'
  | 'referral.firm_interview'
  | 'referral.hired'
  | 'referral.firm_declined'
  | 'referral.retained_30_days'
  | 'referral.ended_early'
  | 'referral.withdrawn';

export interface OutboxEntry {
  type: OutboxEventType;
  aggregateType: 'match_run' | 'proposal' | 'placement' | 'referral';
  aggregateId: string;
  /** Ids and facts only, never personal data (names, phone numbers, free-text reasons). */
  payload?: Record<string, unknown>;
}

/** Records a state change through the caller's transaction, so it exists exactly when the change does. */
export async function recordEvent(manager: Pick<EntityManager, 'query'>, entry: OutboxEntry): Promise<void> {
  await manager.query(
    `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4::jsonb)`,
    [entry.type, entry.aggregateType, entry.aggregateId, JSON.stringify(entry.payload ?? {})],
  );
}

/**
 * Records one event per entry with a single statement (a run supersedes thousands of
 * proposals at once): the same rows recordEvent would write, without a round trip each.
 */
export async function recordEvents(manager: Pick<EntityManager, 'query'>, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    type: entry.type,
    aggregate_type: entry.aggregateType,
    aggregate_id: entry.aggregateId,
    payload: entry.payload ?? {},
  }));
  await manager.query(
    `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload)
     SELECT r.type, r.aggregate_type, r.aggregate_id, r.payload
     FROM jsonb_to_recordset($1::jsonb) AS r(type text, aggregate_type text, aggregate_id uuid, payload jsonb)`,
    [JSON.stringify(rows)],
  );
}
