import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live candidates keep the active pool in memory (src/matching/seeker-pool.ts) and re-read only
 * the seekers changed since their last refresh. Every write that changes what the engine reads
 * of a seeker records the seeker here with the writing transaction's id; a reader re-reads every
 * seeker whose change was not visible in its previous snapshot (pg_visible_in_snapshot), which
 * also catches a transaction that began before that snapshot and committed after it (a
 * sequence number would skip it). seeker_change_marks remember, every few minutes, the xmin of a
 * snapshot and when it was taken, so that changes every reader has seen can be deleted.
 */
export class SeekerChangeLog1795690000000 implements MigrationInterface {
  name = 'SeekerChangeLog1795690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seeker_changes (
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seeker_id uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_seeker_changes_xid ON seeker_changes (xid)`);
    await queryRunner.query(`
      CREATE TABLE seeker_change_marks (
        taken_at timestamptz NOT NULL DEFAULT now(),
        snapshot_xmin xid8 NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION record_seeker_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN INSERT INTO seeker_changes (seeker_id) VALUES (OLD.id); END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.id <> OLD.id) THEN INSERT INTO seeker_changes (seeker_id) VALUES (NEW.id); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION record_seeker_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN INSERT INTO seeker_changes (seeker_id) VALUES (OLD.seeker_id); END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.seeker_id <> OLD.seeker_id) THEN
          INSERT INTO seeker_changes (seeker_id) VALUES (NEW.seeker_id);
        END IF;
        RETURN NULL;
      END $$`);
    // A referred seeker's busy days are the gap's period: moving the period changes the seeker.
    await queryRunner.query(`
      CREATE FUNCTION record_referred_seekers_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO seeker_changes (seeker_id) SELECT r.seeker_id FROM referrals r WHERE r.leave_gap_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_seekers_change AFTER INSERT OR UPDATE OR DELETE ON seekers
      FOR EACH ROW EXECUTE FUNCTION record_seeker_change()`);
    for (const table of ['seeker_availability', 'placements', 'referrals']) {
      await queryRunner.query(`
        CREATE TRIGGER tr_${table}_seeker_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION record_seeker_row_change()`);
    }
    await queryRunner.query(`
      CREATE TRIGGER tr_leave_gaps_referred_seeker_change AFTER UPDATE OF placement_start, placement_end ON leave_gaps
      FOR EACH ROW WHEN (OLD.placement_start IS DISTINCT FROM NEW.placement_start OR OLD.placement_end IS DISTINCT FROM NEW.placement_end)
      EXECUTE FUNCTION record_referred_seekers_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_leave_gaps_referred_seeker_change ON leave_gaps`);
    for (const table of ['seeker_availability', 'placements', 'referrals']) {
      await queryRunner.query(`DROP TRIGGER tr_${table}_seeker_change ON ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER tr_seekers_change ON seekers`);
    await queryRunner.query(`DROP FUNCTION record_referred_seekers_change()`);
    await queryRunner.query(`DROP FUNCTION record_seeker_row_change()`);
    await queryRunner.query(`DROP FUNCTION record_seeker_change()`);
    await queryRunner.query(`DROP TABLE seeker_change_marks`);
    await queryRunner.query(`DROP TABLE seeker_changes`);
  }
}
