/**
 * A publisher-only process: `npm run notifications:publish` runs the outbox publisher (and no
 * HTTP server) until SIGTERM/SIGINT, with the same configuration as the service
 * (NOTIFICATION_*, SMTP_URL, SMS_*). Useful when API instances run with NOTIFICATION_WORKER=false.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { ClockModule } from '../src/clock/clock.module';
import { AppConfigModule } from '../src/config/app-config.module';
import { DatabaseModule } from '../src/database/database.module';
import { NotificationsModule } from '../src/notifications/notifications.module';

@Module({ imports: [AppConfigModule, ClockModule, DatabaseModule, NotificationsModule] })
class PublisherProcessModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(PublisherProcessModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  process.stdout.write('notifications publisher started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications:publish failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
