import { getChoseong } from 'es-hangul';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordinators find a seeker by the initial consonants of their name (`ㅂㅅㅇ` for 백승우),
 * as Korean users type on a phone. PostgreSQL cannot take a syllable apart, so the service
 * keeps the initials beside the name (es-hangul); withdrawal erases them with the name.
 */
export class SeekerNameInitials1795650000001 implements MigrationInterface {
  name = 'SeekerNameInitials1795650000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE seekers ADD COLUMN name_initials text`);
    const named: { id: string; display_name: string }[] = await queryRunner.query(
      `SELECT id, display_name FROM seekers WHERE display_name IS NOT NULL`,
    );
    if (named.length > 0) {
      await queryRunner.query(
        `UPDATE seekers SET name_initials = initials.value
           FROM unnest($1::uuid[], $2::text[]) AS initials(id, value) WHERE seekers.id = initials.id`,
        [named.map((row) => row.id), named.map((row) => getChoseong(row.display_name).replace(/\s+/g, ''))],
      );
    }
    await queryRunner.query(
      `ALTER TABLE seekers ADD CONSTRAINT ck_seekers_withdrawn_initials_erased CHECK (status <> 'withdrawn' OR name_initials IS NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE seekers DROP CONSTRAINT ck_seekers_withdrawn_initials_erased`);
    await queryRunner.query(`ALTER TABLE seekers DROP COLUMN name_initials`);
  }
}
