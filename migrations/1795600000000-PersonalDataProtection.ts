import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PIPA: a seeker can withdraw (personal fields erased, the row kept so that placements stay as
 * anonymous history), and every read of a seeker's personal data by someone other than the
 * seeker lands in an append-only access log.
 *
 * The database enforces both: a withdrawn row cannot hold personal data or come back, and the
 * access log refuses UPDATE, DELETE and TRUNCATE whoever asks.
 */
export class PersonalDataProtection1795600000000 implements MigrationInterface {
  name = 'PersonalDataProtection1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE seekers ADD COLUMN withdrawn_at timestamptz`);
    for (const column of ['display_name', 'phone', 'home_lat', 'home_lng']) {
      await queryRunner.query(`ALTER TABLE seekers ALTER COLUMN ${column} DROP NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE seekers DROP CONSTRAINT ck_seekers_status`);
    await queryRunner.query(`
      ALTER TABLE seekers
        ADD CONSTRAINT ck_seekers_status CHECK (status IN ('active', 'inactive', 'withdrawn')),
        ADD CONSTRAINT ck_seekers_withdrawn_at CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        ADD CONSTRAINT ck_seekers_personal_data_present CHECK (status = 'withdrawn'
          OR (display_name IS NOT NULL AND phone IS NOT NULL AND home_lat IS NOT NULL AND home_lng IS NOT NULL)),
        ADD CONSTRAINT ck_seekers_withdrawn_erased CHECK (status <> 'withdrawn'
          OR (display_name IS NULL AND phone IS NULL AND email IS NULL AND home_lat IS NULL AND home_lng IS NULL
              AND skills = '[]'::jsonb AND certifications = '{}' AND blocked_firm_ids = '{}' AND min_hourly_wage IS NULL))`);
    await queryRunner.query(`
      CREATE FUNCTION seekers_withdrawal_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a withdrawn seeker cannot change' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_seekers_withdrawal_is_final BEFORE UPDATE ON seekers
        FOR EACH ROW WHEN (OLD.status = 'withdrawn') EXECUTE FUNCTION seekers_withdrawal_is_final()`);

    await queryRunner.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        accessed_at timestamptz NOT NULL DEFAULT now(),
        actor_role text NOT NULL,
        actor_subject text NOT NULL,
        actor_firm_id uuid,
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE RESTRICT,
        action text NOT NULL,
        fields text[] NOT NULL,
        CONSTRAINT ck_access_log_actor_role CHECK (actor_role IN ('coordinator', 'firm')),
        CONSTRAINT ck_access_log_actor_firm CHECK ((actor_role = 'firm') = (actor_firm_id IS NOT NULL)),
        CONSTRAINT ck_access_log_actor_subject CHECK (btrim(actor_subject) <> ''),
        CONSTRAINT ck_access_log_fields CHECK (cardinality(fields) > 0)
      )`);
    await queryRunner.query(`CREATE INDEX ix_access_log_seeker_id ON access_log (seeker_id, id)`);
    await queryRunner.query(`
      CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER tr_access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE access_log`);
    await queryRunner.query(`DROP FUNCTION access_log_is_append_only()`);
    await queryRunner.query(`DROP TRIGGER tr_seekers_withdrawal_is_final ON seekers`);
    await queryRunner.query(`DROP FUNCTION seekers_withdrawal_is_final()`);
    // Erased rows cannot satisfy the old NOT NULL columns: the down migration refuses while any exist.
    await queryRunner.query(`
      ALTER TABLE seekers
        DROP CONSTRAINT ck_seekers_withdrawn_erased,
        DROP CONSTRAINT ck_seekers_personal_data_present,
        DROP CONSTRAINT ck_seekers_withdrawn_at,
        DROP CONSTRAINT ck_seekers_status,
        ADD CONSTRAINT ck_seekers_status CHECK (status IN ('active', 'inactive'))`);
    for (const column of ['display_name', 'phone', 'home_lat', 'home_lng']) {
      await queryRunner.query(`ALTER TABLE seekers ALTER COLUMN ${column} SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE seekers DROP COLUMN withdrawn_at`);
  }
}
