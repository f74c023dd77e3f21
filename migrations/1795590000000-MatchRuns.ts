import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator workflow: match runs and their results (proposals, unfilled-gap
 * diagnostics), rejected pairs that no later run may propose, an outbox of state changes
 * for a notifier, and stored answers for idempotent retries.
 */
export class MatchRuns1795590000000 implements MigrationInterface {
  name = 'MatchRuns1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // scope_complex_ids (NULL: every complex) and scope_period (unbounded without a horizon)
    // are the scope resolved at creation, so that overlapping active runs can be found.
    await queryRunner.query(`
      CREATE TABLE match_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'queued',
        scope jsonb NOT NULL,
        scope_complex_ids uuid[],
        scope_period daterange NOT NULL,
        weights jsonb,
        time_limit_ms integer NOT NULL,
        as_of date NOT NULL,
        job_id uuid,
        attempts integer NOT NULL DEFAULT 0,
        stats jsonb,
        instance jsonb,
        error_message text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        solve_ms integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_match_runs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        CONSTRAINT ck_match_runs_scope CHECK (jsonb_typeof(scope) = 'object'),
        CONSTRAINT ck_match_runs_time_limit_ms CHECK (time_limit_ms > 0),
        CONSTRAINT ck_match_runs_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_match_runs_succeeded CHECK (status <> 'succeeded' OR (stats IS NOT NULL AND finished_at IS NOT NULL)),
        CONSTRAINT ck_match_runs_failed CHECK (status <> 'failed' OR error_message IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX ix_match_runs_active ON match_runs (status) WHERE status IN ('queued', 'running')`);
    await queryRunner.query(`CREATE INDEX ix_match_runs_queued_at ON match_runs (queued_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        match_run_id uuid NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
        leave_gap_id uuid NOT NULL REFERENCES leave_gaps (id) ON DELETE RESTRICT,
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE RESTRICT,
        score double precision NOT NULL,
        breakdown jsonb NOT NULL,
        commute_minutes double precision NOT NULL,
        alternatives jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'proposed',
        placement_id uuid REFERENCES placements (id) ON DELETE RESTRICT,
        decided_at timestamptz,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_proposals_run_gap UNIQUE (match_run_id, leave_gap_id),
        CONSTRAINT ck_proposals_status CHECK (status IN ('proposed', 'confirmed', 'rejected', 'superseded')),
        CONSTRAINT ck_proposals_score CHECK (score BETWEEN 0 AND 100),
        CONSTRAINT ck_proposals_commute_minutes CHECK (commute_minutes >= 0),
        CONSTRAINT ck_proposals_alternatives CHECK (jsonb_typeof(alternatives) = 'array'),
        CONSTRAINT ck_proposals_placement CHECK ((status = 'confirmed') = (placement_id IS NOT NULL)),
        CONSTRAINT ck_proposals_decided CHECK ((status = 'proposed') = (decided_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_proposals_gap_proposed ON proposals (leave_gap_id) WHERE status = 'proposed'`);
    await queryRunner.query(`CREATE INDEX ix_proposals_seeker_proposed ON proposals (seeker_id) WHERE status = 'proposed'`);
    await queryRunner.query(`CREATE INDEX ix_proposals_placement_id ON proposals (placement_id) WHERE placement_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE match_run_unfilled (
        match_run_id uuid NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
        leave_gap_id uuid NOT NULL REFERENCES leave_gaps (id) ON DELETE RESTRICT,
        feasible_candidates integer NOT NULL,
        excluded_by jsonb NOT NULL,
        near_misses jsonb NOT NULL,
        PRIMARY KEY (match_run_id, leave_gap_id),
        CONSTRAINT ck_match_run_unfilled_feasible CHECK (feasible_candidates >= 0),
        CONSTRAINT ck_match_run_unfilled_near_misses CHECK (jsonb_typeof(near_misses) = 'array')
      )`);

    // One row per pair however often it was rejected: "never proposed again" needs no history.
    await queryRunner.query(`
      CREATE TABLE rejected_pairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        leave_gap_id uuid NOT NULL REFERENCES leave_gaps (id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
        proposal_id uuid REFERENCES proposals (id) ON DELETE SET NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_rejected_pairs_pair UNIQUE (leave_gap_id, seeker_id),
        CONSTRAINT ck_rejected_pairs_reason CHECK (btrim(reason) <> '')
      )`);
    await queryRunner.query(`CREATE INDEX ix_rejected_pairs_seeker_id ON rejected_pairs (seeker_id)`);

    // The payload carries ids and facts, never personal data: a notifier looks those up.
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT ck_outbox_events_payload CHECK (jsonb_typeof(payload) = 'object')
      )`);
    await queryRunner.query(`CREATE INDEX ix_outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX ix_outbox_events_aggregate ON outbox_events (aggregate_id)`);

    // response_body is text, not jsonb, so that a replay is byte-for-byte the first answer.
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response_status integer,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_idempotency_records_scope_key UNIQUE (scope, key),
        CONSTRAINT ck_idempotency_records_key CHECK (length(key) BETWEEN 1 AND 255),
        CONSTRAINT ck_idempotency_records_response CHECK ((response_status IS NULL) = (response_body IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_records`);
    await queryRunner.query(`DROP TABLE outbox_events`);
    await queryRunner.query(`DROP TABLE rejected_pairs`);
    await queryRunner.query(`DROP TABLE match_run_unfilled`);
    await queryRunner.query(`DROP TABLE proposals`);
    await queryRunner.query(`DROP TABLE match_runs`);
  }
}
