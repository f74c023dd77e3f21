import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /leave-gaps` answers an exact `total`. Counting every gap ever recorded (filled and
 * cancelled included) on each page was most of the database's work per list request, and grows
 * with the table. Statement-level triggers keep the count per status as rows of deltas, written in
 * the writer's own transaction (exact under MVCC, and appended, so concurrent writers never wait
 * on one counter row); readers sum them, and fold them into one row per status now and then.
 */
export class LeaveGapCounts1795691000000 implements MigrationInterface {
  name = 'LeaveGapCounts1795691000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE leave_gap_counts (status text NOT NULL, n bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE FUNCTION leave_gap_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO leave_gap_counts (status, n) SELECT status, count(*) FROM inserted GROUP BY status;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION leave_gap_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO leave_gap_counts (status, n) SELECT status, -count(*) FROM deleted GROUP BY status;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION leave_gap_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO leave_gap_counts (status, n)
        SELECT status, sum(delta) FROM (
          SELECT status, 1 AS delta FROM updated_new UNION ALL SELECT status, -1 FROM updated_old
        ) AS changes GROUP BY status HAVING sum(delta) <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION leave_gap_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM leave_gap_counts;
        RETURN NULL;
      END $$`);
    // No write between the first count and the triggers taking over.
    await queryRunner.query(`LOCK TABLE leave_gaps IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE TRIGGER leave_gap_counts_insert AFTER INSERT ON leave_gaps REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION leave_gap_counts_inserted()`);
    await queryRunner.query(`
      CREATE TRIGGER leave_gap_counts_delete AFTER DELETE ON leave_gaps REFERENCING OLD TABLE AS deleted
      FOR EACH STATEMENT EXECUTE FUNCTION leave_gap_counts_deleted()`);
    await queryRunner.query(`
      CREATE TRIGGER leave_gap_counts_update AFTER UPDATE ON leave_gaps REFERENCING OLD TABLE AS updated_old NEW TABLE AS updated_new
      FOR EACH STATEMENT EXECUTE FUNCTION leave_gap_counts_updated()`);
    await queryRunner.query(`
      CREATE TRIGGER leave_gap_counts_truncate AFTER TRUNCATE ON leave_gaps
      FOR EACH STATEMENT EXECUTE FUNCTION leave_gap_counts_truncated()`);
    await queryRunner.query(`INSERT INTO leave_gap_counts (status, n) SELECT status, count(*) FROM leave_gaps GROUP BY status`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER leave_gap_counts_truncate ON leave_gaps`);
    await queryRunner.query(`DROP TRIGGER leave_gap_counts_update ON leave_gaps`);
    await queryRunner.query(`DROP TRIGGER leave_gap_counts_delete ON leave_gaps`);
    await queryRunner.query(`DROP TRIGGER leave_gap_counts_insert ON leave_gaps`);
    await queryRunner.query(`DROP FUNCTION leave_gap_counts_truncated()`);
    await queryRunner.query(`DROP FUNCTION leave_gap_counts_updated()`);
    await queryRunner.query(`DROP FUNCTION leave_gap_counts_deleted()`);
    await queryRunner.query(`DROP FUNCTION leave_gap_counts_inserted()`);
    await queryRunner.query(`DROP TABLE leave_gap_counts`);
  }
}
