import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals (알선): a proposal the coordinator likes is offered to the seeker, then to the firm,
 * and, once hired, followed to 30-day retention. `referrals` holds the current state (one row per
 * proposal); `referral_steps` every move with its time, append-only, for the coordinator's
 * timeline and the programme's reports. The code lists are src/referrals/referral-states.ts
 * (test/unit/referrals/referral-codes-migration.spec.ts keeps the CHECKs and that list equal).
 *
 * A referred proposal leaves `proposed` for `referred`, so a re-run no longer supersedes it; it
 * becomes `confirmed` when the firm hires, `rejected` when either side declines.
 */
export class Referrals1795680000000 implements MigrationInterface {
  name = 'Referrals1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE proposals
        DROP CONSTRAINT ck_proposals_status,
        ADD CONSTRAINT ck_proposals_status CHECK (status IN ('proposed', 'referred', 'confirmed', 'rejected', 'superseded'))`);
    await queryRunner.query(`CREATE INDEX ix_proposals_referred ON proposals (leave_gap_id) WHERE status = 'referred'`);

    await queryRunner.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
        leave_gap_id uuid NOT NULL REFERENCES leave_gaps (id) ON DELETE RESTRICT,
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE RESTRICT,
        firm_id uuid NOT NULL REFERENCES firms (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'offered',
        reason_code text,
        placement_id uuid REFERENCES placements (id) ON DELETE RESTRICT,
        start_date date,
        ended_on date,
        offered_at timestamptz NOT NULL,
        status_changed_at timestamptz NOT NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_referrals_proposal UNIQUE (proposal_id),
        CONSTRAINT ck_referrals_status CHECK (status IN ('offered', 'seeker_accepted', 'seeker_declined', 'firm_interview',
          'hired', 'firm_declined', 'retained_30_days', 'ended_early', 'withdrawn')),
        CONSTRAINT ck_referrals_placement CHECK ((status IN ('hired', 'retained_30_days', 'ended_early')) = (placement_id IS NOT NULL)),
        CONSTRAINT ck_referrals_start_date CHECK ((placement_id IS NULL) = (start_date IS NULL)),
        CONSTRAINT ck_referrals_ended_on CHECK ((status = 'ended_early') = (ended_on IS NOT NULL)),
        CONSTRAINT ck_referrals_reason_code CHECK (reason_code IS NULL OR status IN ('seeker_declined', 'firm_declined', 'ended_early', 'withdrawn')),
        CONSTRAINT ck_referrals_reason_code_known CHECK (reason_code IN ('wage', 'commute', 'hours', 'dates', 'job_content', 'found_other_work', 'personal', 'no_response', 'other', 'skills', 'experience', 'interview_no_show', 'firm_found_someone', 'position_withdrawn', 'seeker_quit', 'dismissed', 'employee_returned_early', 'health', 'gap_cancelled', 'gap_changed', 'seeker_unavailable', 'coordinator')),
        CONSTRAINT ck_referrals_seeker_reason CHECK (status <> 'seeker_declined' OR reason_code IS NOT NULL),
        CONSTRAINT ck_referrals_ended_reason CHECK (status <> 'ended_early' OR reason_code IS NOT NULL)
      )`);
    // One open referral per gap: the firm interviews one referred seeker at a time.
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_referrals_open_gap ON referrals (leave_gap_id)
      WHERE status IN ('offered', 'seeker_accepted', 'firm_interview')`);
    await queryRunner.query(`CREATE INDEX ix_referrals_seeker ON referrals (seeker_id)`);
    await queryRunner.query(`CREATE INDEX ix_referrals_firm ON referrals (firm_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_referrals_status_changed ON referrals (status_changed_at)`);

    // The note is the coordinator's own (may name an employee's leave or health): never sent to anyone.
    await queryRunner.query(`
      CREATE TABLE referral_steps (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
        status text NOT NULL,
        reason_code text,
        coordinator_note text,
        effective_date date,
        actor_role text NOT NULL,
        actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT ck_referral_steps_status CHECK (status IN ('offered', 'seeker_accepted', 'seeker_declined', 'firm_interview',
          'hired', 'firm_declined', 'retained_30_days', 'ended_early', 'withdrawn')),
        CONSTRAINT ck_referral_steps_actor_role CHECK (actor_role IN ('coordinator', 'firm', 'seeker', 'system')),
        CONSTRAINT ck_referral_steps_reason_code_known CHECK (reason_code IN ('wage', 'commute', 'hours', 'dates', 'job_content', 'found_other_work', 'personal', 'no_response', 'other', 'skills', 'experience', 'interview_no_show', 'firm_found_someone', 'position_withdrawn', 'seeker_quit', 'dismissed', 'employee_returned_early', 'health', 'gap_cancelled', 'gap_changed', 'seeker_unavailable', 'coordinator')),
        CONSTRAINT ck_referral_steps_note CHECK (coordinator_note IS NULL OR btrim(coordinator_note) <> '')
      )`);
    await queryRunner.query(`CREATE INDEX ix_referral_steps_referral ON referral_steps (referral_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_steps`);
    await queryRunner.query(`DROP TABLE referrals`);
    await queryRunner.query(`DROP INDEX ix_proposals_referred`);
    await queryRunner.query(`UPDATE proposals SET status = 'superseded', reason = coalesce(reason, 'referral removed') WHERE status = 'referred'`);
    await queryRunner.query(`
      ALTER TABLE proposals
        DROP CONSTRAINT ck_proposals_status,
        ADD CONSTRAINT ck_proposals_status CHECK (status IN ('proposed', 'confirmed', 'rejected', 'superseded'))`);
  }
}
