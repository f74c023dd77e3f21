import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: who signs in (coordinator, staff of one firm, one seeker), the failed sign-ins
 * that lock an account out, and one-time invitations.
 *
 * The database enforces what it can: one account per email whatever its case (a unique index
 * on lower(email), since citext is not in the embedded engine), a role that names exactly the
 * firm or seeker it acts for, one account per seeker, and invitations that are used once.
 */
export class Accounts1795640000000 implements MigrationInterface {
  name = 'Accounts1795640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        display_name text NOT NULL,
        firm_id uuid REFERENCES firms (id) ON DELETE RESTRICT,
        seeker_id uuid REFERENCES seekers (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'active',
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_role CHECK (role IN ('coordinator', 'firm', 'seeker')),
        CONSTRAINT ck_users_role_binding CHECK (
          (role = 'coordinator' AND firm_id IS NULL AND seeker_id IS NULL)
          OR (role = 'firm' AND firm_id IS NOT NULL AND seeker_id IS NULL)
          OR (role = 'seeker' AND seeker_id IS NOT NULL AND firm_id IS NULL)),
        CONSTRAINT ck_users_status CHECK (status IN ('active', 'disabled')),
        CONSTRAINT ck_users_email CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        CONSTRAINT ck_users_password_hash CHECK (password_hash LIKE '$argon2id$%'),
        CONSTRAINT ck_users_display_name CHECK (btrim(display_name) <> '')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_users_email ON users (lower(email))`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_users_seeker_id ON users (seeker_id) WHERE seeker_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_users_firm_id ON users (firm_id) WHERE firm_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_users_coordinators ON users (id) WHERE role = 'coordinator'`);

    // Keyed by the normalised email, not the account: an unknown address locks out exactly like
    // a known one, so the answers never tell which addresses have accounts.
    await queryRunner.query(`
      CREATE TABLE sign_in_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email_key text NOT NULL,
        attempted_at timestamptz NOT NULL,
        CONSTRAINT ck_sign_in_attempts_email_key CHECK (email_key = lower(email_key))
      )`);
    await queryRunner.query(`CREATE INDEX ix_sign_in_attempts_email_key ON sign_in_attempts (email_key, attempted_at)`);

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        role text NOT NULL,
        firm_id uuid REFERENCES firms (id) ON DELETE CASCADE,
        seeker_id uuid REFERENCES seekers (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_invitations_role_binding CHECK (
          (role = 'firm' AND firm_id IS NOT NULL AND seeker_id IS NULL)
          OR (role = 'seeker' AND seeker_id IS NOT NULL AND firm_id IS NULL)),
        CONSTRAINT ck_invitations_token_hash CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_invitations_email CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_invitations_token_hash ON invitations (token_hash)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invitations`);
    await queryRunner.query(`DROP TABLE sign_in_attempts`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
