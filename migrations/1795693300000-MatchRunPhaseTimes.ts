import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a run's instance was built and when its solve ended (its results began to be written):
 * with started_at and finished_at they split the run into its build, solve and write phases,
 * so that what the API suffers during a run can be told apart by phase.
 */
export class MatchRunPhaseTimes1795693300000 implements MigrationInterface {
  name = 'MatchRunPhaseTimes1795693300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE match_runs ADD COLUMN built_at timestamptz, ADD COLUMN solved_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE match_runs DROP COLUMN solved_at, DROP COLUMN built_at`);
  }
}
