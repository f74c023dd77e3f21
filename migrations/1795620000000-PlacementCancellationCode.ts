import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cancelled placement keeps two things apart: the coordinator's own note (free text, may
 * name an employee's leave or health) and a code, the only reason the firm and the seeker are
 * shown. Placements cancelled before this get 'other' (as does a cancelled row written without one).
 */
export class PlacementCancellationCode1795620000000 implements MigrationInterface {
  name = 'PlacementCancellationCode1795620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE placements ADD COLUMN cancellation_code text`);
    await queryRunner.query(`UPDATE placements SET cancellation_code = 'other' WHERE status = 'cancelled'`);
    await queryRunner.query(`
      ALTER TABLE placements
        ADD CONSTRAINT ck_placements_cancellation_code CHECK (cancellation_code IN ('firm_request', 'seeker_request', 'leave_changed', 'other')),
        ADD CONSTRAINT ck_placements_cancellation_code_when_cancelled CHECK (cancellation_code IS NULL OR status = 'cancelled')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE placements DROP COLUMN cancellation_code`);
  }
}
