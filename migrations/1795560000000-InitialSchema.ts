import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ground floor: complexes, firms, leave gaps, seekers and their availability, placements.
 *
 * Enumerations are text columns with CHECK constraints rather than PostgreSQL enum types:
 * adding a value later is a one-line constraint swap inside a transaction.
 * gen_random_uuid() is built in since PostgreSQL 13; btree_gist lets the placements
 * exclusion constraint combine `seeker_id WITH =` and `period WITH &&`.
 */
export class InitialSchema1795560000000 implements MigrationInterface {
  name = 'InitialSchema1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await queryRunner.query(`
      CREATE TABLE industrial_complexes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        region text NOT NULL,
        centroid_lat double precision NOT NULL,
        centroid_lng double precision NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_industrial_complexes_name UNIQUE (name),
        CONSTRAINT ck_industrial_complexes_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_industrial_complexes_lat CHECK (centroid_lat BETWEEN -90 AND 90),
        CONSTRAINT ck_industrial_complexes_lng CHECK (centroid_lng BETWEEN -180 AND 180)
      )`);

    await queryRunner.query(`
      CREATE TABLE firms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        business_number text NOT NULL,
        employee_count integer NOT NULL,
        priority_support boolean NOT NULL DEFAULT false,
        complex_id uuid NOT NULL REFERENCES industrial_complexes (id) ON DELETE RESTRICT,
        address text NOT NULL,
        site_lat double precision NOT NULL,
        site_lng double precision NOT NULL,
        status text NOT NULL DEFAULT 'active',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_firms_business_number UNIQUE (business_number),
        CONSTRAINT ck_firms_business_number CHECK (business_number ~ '^[0-9]{10}$'),
        CONSTRAINT ck_firms_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_firms_employee_count CHECK (employee_count > 0),
        CONSTRAINT ck_firms_site_lat CHECK (site_lat BETWEEN -90 AND 90),
        CONSTRAINT ck_firms_site_lng CHECK (site_lng BETWEEN -180 AND 180),
        CONSTRAINT ck_firms_status CHECK (status IN ('active', 'cancelled'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_firms_complex_id ON firms (complex_id)`);

    // placement_start/end and vacancy_weekly_hours are derived by the service and stored so
    // that match runs filter on them; the checks keep them consistent with what they derive from.
    await queryRunner.query(`
      CREATE TABLE leave_gaps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firms (id) ON DELETE RESTRICT,
        leave_type text NOT NULL,
        leave_start date NOT NULL,
        leave_end date NOT NULL,
        handover_days integer NOT NULL DEFAULT 0,
        multiple_birth boolean NOT NULL DEFAULT false,
        extended_parental_reason text,
        role_title text NOT NULL,
        required_skills jsonb NOT NULL DEFAULT '[]',
        preferred_skills jsonb NOT NULL DEFAULT '[]',
        required_certifications text[] NOT NULL DEFAULT '{}',
        weekly_hours integer NOT NULL,
        reduced_weekly_hours integer,
        hourly_wage integer NOT NULL,
        site_lat double precision NOT NULL,
        site_lng double precision NOT NULL,
        max_commute_minutes integer,
        status text NOT NULL DEFAULT 'open',
        placement_start date NOT NULL,
        placement_end date NOT NULL,
        vacancy_weekly_hours integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_leave_gaps_leave_type CHECK (leave_type IN
          ('maternity', 'parental', 'reduced_hours', 'spouse_maternity', 'infertility_treatment', 'other')),
        CONSTRAINT ck_leave_gaps_dates CHECK (leave_end >= leave_start),
        CONSTRAINT ck_leave_gaps_handover_days CHECK (handover_days BETWEEN 0 AND 60),
        CONSTRAINT ck_leave_gaps_extended_parental_reason CHECK (extended_parental_reason IS NULL
          OR (leave_type = 'parental' AND extended_parental_reason IN ('both_parents', 'single_parent', 'disabled_child'))),
        CONSTRAINT ck_leave_gaps_multiple_birth CHECK (NOT multiple_birth OR leave_type = 'maternity'),
        CONSTRAINT ck_leave_gaps_role_title CHECK (btrim(role_title) <> ''),
        CONSTRAINT ck_leave_gaps_required_skills CHECK (jsonb_typeof(required_skills) = 'array'),
        CONSTRAINT ck_leave_gaps_preferred_skills CHECK (jsonb_typeof(preferred_skills) = 'array'),
        CONSTRAINT ck_leave_gaps_weekly_hours CHECK (weekly_hours BETWEEN 1 AND 52),
        CONSTRAINT ck_leave_gaps_reduced_weekly_hours CHECK (
          (leave_type = 'reduced_hours') = (reduced_weekly_hours IS NOT NULL)
          AND (reduced_weekly_hours IS NULL OR (reduced_weekly_hours BETWEEN 15 AND 35 AND reduced_weekly_hours < weekly_hours))),
        CONSTRAINT ck_leave_gaps_hourly_wage CHECK (hourly_wage > 0),
        CONSTRAINT ck_leave_gaps_site_lat CHECK (site_lat BETWEEN -90 AND 90),
        CONSTRAINT ck_leave_gaps_site_lng CHECK (site_lng BETWEEN -180 AND 180),
        CONSTRAINT ck_leave_gaps_max_commute_minutes CHECK (max_commute_minutes IS NULL OR max_commute_minutes > 0),
        CONSTRAINT ck_leave_gaps_status CHECK (status IN ('open', 'filled', 'cancelled')),
        CONSTRAINT ck_leave_gaps_placement_period CHECK (
          placement_start = leave_start - handover_days AND placement_end = leave_end),
        CONSTRAINT ck_leave_gaps_vacancy_weekly_hours CHECK (vacancy_weekly_hours =
          CASE WHEN leave_type = 'reduced_hours' THEN weekly_hours - reduced_weekly_hours ELSE weekly_hours END)
      )`);
    await queryRunner.query(`CREATE INDEX ix_leave_gaps_firm_id ON leave_gaps (firm_id)`);
    await queryRunner.query(
      `CREATE INDEX ix_leave_gaps_status_placement ON leave_gaps (status, placement_start, placement_end)`,
    );

    await queryRunner.query(`
      CREATE TABLE seekers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        phone text NOT NULL,
        email text,
        home_lat double precision NOT NULL,
        home_lng double precision NOT NULL,
        commute_mode text NOT NULL,
        max_commute_minutes integer NOT NULL,
        skills jsonb NOT NULL DEFAULT '[]',
        certifications text[] NOT NULL DEFAULT '{}',
        weekly_hours_min integer NOT NULL,
        weekly_hours_max integer NOT NULL,
        min_hourly_wage integer,
        blocked_firm_ids uuid[] NOT NULL DEFAULT '{}',
        consent_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'active',
        waiting_since date NOT NULL DEFAULT CURRENT_DATE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_seekers_display_name CHECK (btrim(display_name) <> ''),
        CONSTRAINT ck_seekers_home_lat CHECK (home_lat BETWEEN -90 AND 90),
        CONSTRAINT ck_seekers_home_lng CHECK (home_lng BETWEEN -180 AND 180),
        CONSTRAINT ck_seekers_commute_mode CHECK (commute_mode IN ('transit', 'car', 'bicycle', 'walk')),
        CONSTRAINT ck_seekers_max_commute_minutes CHECK (max_commute_minutes > 0),
        CONSTRAINT ck_seekers_skills CHECK (jsonb_typeof(skills) = 'array'),
        CONSTRAINT ck_seekers_weekly_hours CHECK (
          weekly_hours_min BETWEEN 1 AND 52 AND weekly_hours_max BETWEEN 1 AND 52 AND weekly_hours_min <= weekly_hours_max),
        CONSTRAINT ck_seekers_min_hourly_wage CHECK (min_hourly_wage IS NULL OR min_hourly_wage > 0),
        CONSTRAINT ck_seekers_status CHECK (status IN ('active', 'inactive'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_seekers_status ON seekers (status)`);

    await queryRunner.query(`
      CREATE TABLE seeker_availability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
        start_date date NOT NULL,
        end_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_seeker_availability_dates CHECK (end_date >= start_date)
      )`);
    await queryRunner.query(`CREATE INDEX ix_seeker_availability_seeker_id ON seeker_availability (seeker_id)`);

    // The exclusion constraint is what makes double-booking impossible even when two
    // coordinators confirm at the same moment; an application check-then-insert is not enough.
    await queryRunner.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seeker_id uuid NOT NULL REFERENCES seekers (id) ON DELETE RESTRICT,
        leave_gap_id uuid NOT NULL REFERENCES leave_gaps (id) ON DELETE RESTRICT,
        period daterange NOT NULL,
        status text NOT NULL DEFAULT 'confirmed',
        cancelled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_placements_period CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
        CONSTRAINT ck_placements_status CHECK (status IN ('confirmed', 'cancelled')),
        CONSTRAINT ck_placements_cancelled_reason CHECK (cancelled_reason IS NULL OR status = 'cancelled'),
        CONSTRAINT ex_placements_seeker_period EXCLUDE USING gist (seeker_id WITH =, period WITH &&)
          WHERE (status = 'confirmed')
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_placements_confirmed_leave_gap ON placements (leave_gap_id) WHERE status = 'confirmed'`,
    );
    await queryRunner.query(`CREATE INDEX ix_placements_seeker_id ON placements (seeker_id)`);

    await queryRunner.query(`
      INSERT INTO industrial_complexes (name, region, centroid_lat, centroid_lng) VALUES
        ('서울디지털국가산업단지', '서울 구로구/금천구', 37.4813, 126.8827),
        ('구미국가산업단지', '경상북도 구미시', 36.1136, 128.3446)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE placements`);
    await queryRunner.query(`DROP TABLE seeker_availability`);
    await queryRunner.query(`DROP TABLE seekers`);
    await queryRunner.query(`DROP TABLE leave_gaps`);
    await queryRunner.query(`DROP TABLE firms`);
    await queryRunner.query(`DROP TABLE industrial_complexes`);
    // btree_gist stays: extensions are database-wide and later migrations may rely on it.
  }
}
