import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read of many seekers at once (a national instance download names 50,000) is one access-log
 * entry listing them in `seeker_ids`, not one row per seeker: the log stays append-only and
 * complete while growing by one row per read. A single-seeker read keeps `seeker_id` (with its
 * foreign key); an array cannot have one, but seekers are never deleted (withdrawal erases in place).
 */
export class BulkAccessLogEntries1795670100000 implements MigrationInterface {
  name = 'BulkAccessLogEntries1795670100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE access_log ADD COLUMN seeker_ids uuid[]`);
    await queryRunner.query(`ALTER TABLE access_log ALTER COLUMN seeker_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE access_log ADD CONSTRAINT ck_access_log_one_or_many_seekers CHECK (
        (seeker_id IS NULL) <> (seeker_ids IS NULL) AND (seeker_ids IS NULL OR cardinality(seeker_ids) > 1))`);
    await queryRunner.query(`CREATE INDEX ix_access_log_seeker_ids ON access_log USING gin (seeker_ids)`);
  }

  /** Expands every bulk entry back into one row per seeker (same time, actor and read); the only rewrite the log ever sees. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_access_log_seeker_ids`);
    await queryRunner.query(`ALTER TABLE access_log DROP CONSTRAINT ck_access_log_one_or_many_seekers`);
    await queryRunner.query(`
      INSERT INTO access_log (accessed_at, actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, action, fields)
      SELECT accessed_at, actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, unnest(seeker_ids), action, fields
      FROM access_log WHERE seeker_ids IS NOT NULL ORDER BY id`);
    await queryRunner.query(`ALTER TABLE access_log DISABLE TRIGGER tr_access_log_no_update_or_delete`);
    await queryRunner.query(`DELETE FROM access_log WHERE seeker_ids IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE access_log ENABLE TRIGGER tr_access_log_no_update_or_delete`);
    await queryRunner.query(`ALTER TABLE access_log ALTER COLUMN seeker_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE access_log DROP COLUMN seeker_ids`);
  }
}
