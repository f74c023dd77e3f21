import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log names the signed-in account that read a seeker's data, not only its role:
 * the account id and its email as it was at the time. No foreign key: the append-only log
 * outlives the accounts it names. Tokens of API clients (`npm run token`) name no account.
 */
export class AccessLogActorAccount1795640001000 implements MigrationInterface {
  name = 'AccessLogActorAccount1795640001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE access_log
        ADD COLUMN actor_user_id uuid,
        ADD COLUMN actor_email text,
        ADD CONSTRAINT ck_access_log_actor_account CHECK (actor_email IS NULL OR actor_user_id IS NOT NULL)`);
    await queryRunner.query(`CREATE INDEX ix_access_log_actor_user_id ON access_log (actor_user_id, id) WHERE actor_user_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_access_log_actor_user_id`);
    await queryRunner.query(`ALTER TABLE access_log DROP CONSTRAINT ck_access_log_actor_account, DROP COLUMN actor_email, DROP COLUMN actor_user_id`);
  }
}
