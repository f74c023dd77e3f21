import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running attempt beats a heartbeat; one that stops beating lost its worker and is taken
 * over within a minute, instead of waiting for the queue's 15-minute expiry.
 */
export class MatchRunHeartbeat1795630000000 implements MigrationInterface {
  name = 'MatchRunHeartbeat1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE match_runs ADD COLUMN heartbeat_at timestamptz`);
    await queryRunner.query(`UPDATE match_runs SET heartbeat_at = started_at WHERE status = 'running'`);
    await queryRunner.query(`CREATE INDEX ix_match_runs_running_heartbeat ON match_runs (heartbeat_at) WHERE status = 'running'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_match_runs_running_heartbeat`);
    await queryRunner.query(`ALTER TABLE match_runs DROP COLUMN heartbeat_at`);
  }
}
