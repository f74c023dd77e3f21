import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach (선제 발굴): leaves that administrative data (고용보험) expects at firms, imported from
 * files, and the coordinators' calls and visits about them. No employee is named anywhere: an
 * expected leave is a firm's business number, a leave type and dates. The natural key of an
 * expected leave is (business_number, leave_type, expected_start, expected_end), so re-importing
 * a file adds nothing twice. Code lists: src/outreach/outreach-codes.ts (docs/outreach.md).
 */
export class Outreach1795685000000 implements MigrationInterface {
  name = 'Outreach1795685000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outreach_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        format text NOT NULL,
        row_count integer NOT NULL,
        created_count integer NOT NULL,
        imported_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL,
        CONSTRAINT ck_outreach_imports_format CHECK (format IN ('csv', 'xlsx')),
        CONSTRAINT ck_outreach_imports_counts CHECK (row_count >= 0 AND created_count BETWEEN 0 AND row_count)
      )`);

    await queryRunner.query(`
      CREATE TABLE expected_leaves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_number text NOT NULL,
        leave_type text NOT NULL,
        expected_start date NOT NULL,
        expected_end date NOT NULL,
        source_firm_name text,
        source_firm_address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_expected_leaves_natural_key UNIQUE (business_number, leave_type, expected_start, expected_end),
        CONSTRAINT ck_expected_leaves_business_number CHECK (business_number ~ '^[0-9]{10}$'),
        CONSTRAINT ck_expected_leaves_leave_type CHECK (leave_type IN ('maternity', 'parental', 'reduced_hours', 'spouse_maternity', 'other')),
        CONSTRAINT ck_expected_leaves_dates CHECK (expected_end >= expected_start),
        CONSTRAINT ck_expected_leaves_firm_name CHECK (source_firm_name IS NULL OR length(source_firm_name) BETWEEN 1 AND 200),
        CONSTRAINT ck_expected_leaves_firm_address CHECK (source_firm_address IS NULL OR length(source_firm_address) BETWEEN 1 AND 300)
      )`);
    await queryRunner.query(`CREATE INDEX ix_expected_leaves_start ON expected_leaves (expected_start, expected_end)`);
    // Which files listed which leave: a leave listed again by a later file gains a row, not a copy.
    await queryRunner.query(`
      CREATE TABLE expected_leave_sources (
        import_id uuid NOT NULL REFERENCES outreach_imports (id) ON DELETE CASCADE,
        expected_leave_id uuid NOT NULL REFERENCES expected_leaves (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        PRIMARY KEY (import_id, expected_leave_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_expected_leave_sources_leave ON expected_leave_sources (expected_leave_id)`);

    // The note is the coordinator's own: never sent to a firm, a seeker or an export.
    await queryRunner.query(`
      CREATE TABLE outreach_contacts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        expected_leave_id uuid NOT NULL REFERENCES expected_leaves (id) ON DELETE CASCADE,
        channel text NOT NULL,
        outcome text NOT NULL,
        coordinator_note text,
        coordinator_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT ck_outreach_contacts_channel CHECK (channel IN ('phone', 'visit', 'email', 'sms')),
        CONSTRAINT ck_outreach_contacts_outcome CHECK (outcome IN ('no_answer', 'interested', 'gap_to_be_posted', 'call_back', 'not_needed', 'already_resolved')),
        CONSTRAINT ck_outreach_contacts_note CHECK (coordinator_note IS NULL OR (btrim(coordinator_note) <> '' AND length(coordinator_note) <= 1000))
      )`);
    await queryRunner.query(`CREATE INDEX ix_outreach_contacts_leave ON outreach_contacts (expected_leave_id, occurred_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outreach_contacts`);
    await queryRunner.query(`DROP TABLE expected_leave_sources`);
    await queryRunner.query(`DROP TABLE expected_leaves`);
    await queryRunner.query(`DROP TABLE outreach_imports`);
  }
}
