import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme report (src/reports) reads gaps by the day they were posted and, for those gaps,
 * their placements, referrals and the engine's latest unfilled diagnostics. Without these, each
 * of those lookups scans its whole table (placements has only a partial index on confirmed rows,
 * referrals one on open rows, match_run_unfilled one led by the run).
 */
export class ReportIndexes1795684000000 implements MigrationInterface {
  name = 'ReportIndexes1795684000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_leave_gaps_created_at ON leave_gaps (created_at)`);
    await queryRunner.query(`CREATE INDEX ix_placements_leave_gap_id ON placements (leave_gap_id)`);
    await queryRunner.query(`CREATE INDEX ix_referrals_leave_gap_id ON referrals (leave_gap_id)`);
    await queryRunner.query(`CREATE INDEX ix_match_run_unfilled_leave_gap_id ON match_run_unfilled (leave_gap_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_match_run_unfilled_leave_gap_id`);
    await queryRunner.query(`DROP INDEX ix_referrals_leave_gap_id`);
    await queryRunner.query(`DROP INDEX ix_placements_leave_gap_id`);
    await queryRunner.query(`DROP INDEX ix_leave_gaps_created_at`);
  }
}
