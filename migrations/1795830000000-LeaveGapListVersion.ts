import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version of `leave_gaps` that any statement can read in its own snapshot, so that a service
 * instance may keep a list page it answered and answer it again while nothing has changed
 * (`LeaveGapsService.list`). Every statement that writes `leave_gaps` (insert, update, delete,
 * truncate, whoever sends it) appends a random token in the writer's own transaction; the version
 * is the sum of the visible tokens modulo 2^53. Appended rows, like `leave_gap_counts`: concurrent
 * writers never wait on one row. A snapshot that sees another committed write sees another sum
 * (but with probability 2^-53); folding the rows into one keeps the sum.
 */
export class LeaveGapListVersion1795830000000 implements MigrationInterface {
  name = 'LeaveGapListVersion1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE leave_gap_versions (token bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE FUNCTION leave_gap_versions_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO leave_gap_versions (token) VALUES (floor(random() * 9007199254740992)::bigint);
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) {
      await queryRunner.query(
        `CREATE TRIGGER leave_gap_versions_${event.toLowerCase()} AFTER ${event} ON leave_gaps FOR EACH STATEMENT EXECUTE FUNCTION leave_gap_versions_written()`,
      );
    }
    await queryRunner.query(`INSERT INTO leave_gap_versions (token) VALUES (floor(random() * 9007199254740992)::bigint)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['TRUNCATE', 'DELETE', 'UPDATE', 'INSERT']) {
      await queryRunner.query(`DROP TRIGGER leave_gap_versions_${event.toLowerCase()} ON leave_gaps`);
    }
    await queryRunner.query(`DROP FUNCTION leave_gap_versions_written()`);
    await queryRunner.query(`DROP TABLE leave_gap_versions`);
  }
}
