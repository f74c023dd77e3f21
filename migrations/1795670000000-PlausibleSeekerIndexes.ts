import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live candidates look up the active seekers near one site (see src/matching/plausible-seekers.ts):
 * a GiST index on the home as a point answers the bounding box (core PostgreSQL, no PostGIS:
 * the embedded database has btree_gist and pgcrypto only), and the widest commute limit among
 * active seekers, which sizes that box, comes from a btree in one index probe.
 */
export class PlausibleSeekerIndexes1795670000000 implements MigrationInterface {
  name = 'PlausibleSeekerIndexes1795670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_seekers_active_home ON seekers USING gist (point(home_lng, home_lat)) WHERE status = 'active'`);
    await queryRunner.query(`CREATE INDEX ix_seekers_active_max_commute ON seekers (max_commute_minutes) WHERE status = 'active'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_seekers_active_max_commute`);
    await queryRunner.query(`DROP INDEX ix_seekers_active_home`);
  }
}
