import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run's stored instance (tens of MB at national size) was jsonb: PostgreSQL parsed all of it
 * on every store, 4–7 s of a core beside the solve, and again to list its seekers on every
 * download. Nothing queries inside it but erasure, which is rare: it is kept as the text the
 * engine was given (lz4 where the server has it, ~10× cheaper to store than jsonb), with the
 * seekers it names beside it for the access log of a download and for erasure.
 */
export class StoredInstanceAsText1795688500000 implements MigrationInterface {
  name = 'StoredInstanceAsText1795688500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE match_runs ADD COLUMN instance_seeker_ids uuid[]`);
    await queryRunner.query(
      `UPDATE match_runs
          SET instance_seeker_ids = ARRAY(SELECT (seeker->>'id')::uuid FROM jsonb_array_elements(instance->'seekers') AS seeker)
        WHERE instance IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE match_runs ALTER COLUMN instance TYPE text USING instance::text`);
    await queryRunner.query(
      `ALTER TABLE match_runs ADD CONSTRAINT ck_match_runs_instance_seekers CHECK ((instance IS NULL) = (instance_seeker_ids IS NULL))`,
    );
    // The embedded PGlite is built without lz4; it keeps PostgreSQL's default compression.
    await queryRunner.query(
      `DO $$ BEGIN
         ALTER TABLE match_runs ALTER COLUMN instance SET COMPRESSION lz4;
       EXCEPTION WHEN feature_not_supported THEN NULL;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE match_runs DROP CONSTRAINT ck_match_runs_instance_seekers`);
    await queryRunner.query(`ALTER TABLE match_runs ALTER COLUMN instance SET COMPRESSION default`);
    await queryRunner.query(`ALTER TABLE match_runs ALTER COLUMN instance TYPE jsonb USING instance::jsonb`);
    await queryRunner.query(`ALTER TABLE match_runs DROP COLUMN instance_seeker_ids`);
  }
}
