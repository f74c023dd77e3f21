import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leave law as amended on 2025-02-23 and the 2026 subsidy rules (docs/leave-rules.md):
 * premature births and birth dates for maternity leave, unused parental months for reduced
 * hours, a substitute staying up to a month after a parental leave (so the placement may end
 * after the leave), and a handover longer than 60 days: lawful, only unsubsidised, so the
 * database no longer refuses it.
 */
export class LeaveLawAmendments1795610000000 implements MigrationInterface {
  name = 'LeaveLawAmendments1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE leave_gaps
        ADD COLUMN premature_birth boolean NOT NULL DEFAULT false,
        ADD COLUMN birth_date date,
        ADD COLUMN unused_parental_months integer,
        ADD COLUMN after_return_days integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      ALTER TABLE leave_gaps
        DROP CONSTRAINT ck_leave_gaps_handover_days,
        DROP CONSTRAINT ck_leave_gaps_placement_period,
        ADD CONSTRAINT ck_leave_gaps_handover_days CHECK (handover_days >= 0),
        ADD CONSTRAINT ck_leave_gaps_premature_birth CHECK (NOT premature_birth OR leave_type = 'maternity'),
        ADD CONSTRAINT ck_leave_gaps_birth_date CHECK (birth_date IS NULL OR leave_type IN ('maternity', 'spouse_maternity')),
        ADD CONSTRAINT ck_leave_gaps_unused_parental_months CHECK (unused_parental_months IS NULL
          OR (leave_type = 'reduced_hours' AND unused_parental_months BETWEEN 0 AND 12)),
        ADD CONSTRAINT ck_leave_gaps_after_return_days CHECK (after_return_days = 0
          OR (leave_type = 'parental' AND after_return_days BETWEEN 1 AND 31)),
        ADD CONSTRAINT ck_leave_gaps_placement_period CHECK (
          placement_start = leave_start - handover_days AND placement_end = leave_end + after_return_days)`);
  }

  /** Fails while a gap uses what only the new rules allow (a longer handover, days after the return). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE leave_gaps
        DROP CONSTRAINT ck_leave_gaps_placement_period,
        DROP CONSTRAINT ck_leave_gaps_after_return_days,
        DROP CONSTRAINT ck_leave_gaps_unused_parental_months,
        DROP CONSTRAINT ck_leave_gaps_birth_date,
        DROP CONSTRAINT ck_leave_gaps_premature_birth,
        DROP CONSTRAINT ck_leave_gaps_handover_days,
        ADD CONSTRAINT ck_leave_gaps_handover_days CHECK (handover_days BETWEEN 0 AND 60),
        ADD CONSTRAINT ck_leave_gaps_placement_period CHECK (
          placement_start = leave_start - handover_days AND placement_end = leave_end)`);
    await queryRunner.query(`
      ALTER TABLE leave_gaps
        DROP COLUMN after_return_days,
        DROP COLUMN unused_parental_months,
        DROP COLUMN birth_date,
        DROP COLUMN premature_birth`);
  }
}
