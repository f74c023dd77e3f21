import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AccessLogModule } from './access-log/access-log.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClockModule } from './clock/clock.module';
import { loggerParams } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { QueueThrottlerStorage } from './common/throttler-storage';
import { createValidationPipe } from './common/validation';
import { ConsoleModule } from './console/console.module';
import { DemoDataModule } from './demo/demo-data.module';
import { ComplexesModule } from './complexes/complexes.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { FirmsModule } from './firms/firms.module';
import { GeocodingModule } from './geocoding/geocoding.module';
import { HealthModule } from './health/health.module';
import { LeaveGapsModule } from './leave-gaps/leave-gaps.module';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutreachModule } from './outreach/outreach.module';
import { PlacementsModule } from './placements/placements.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ReportsModule } from './reports/reports.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RuntimeMetricsModule } from './runtime-metrics/runtime-metrics.module';
import { SeekersModule } from './seekers/seekers.module';
import { SpreadsheetsModule } from './spreadsheets/spreadsheets.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: config.throttleTtlSeconds * 1000, limit: config.throttleLimit }],
        storage: new QueueThrottlerStorage(),
      }),
    }),
    DatabaseModule,
    AuthModule,
    AccessLogModule,
    HealthModule,
    RuntimeMetricsModule,
    // Feature modules (complexes, firms, leave gaps, seekers, placements, ...) go below.
    CatalogModule,
    GeocodingModule,
    ComplexesModule,
    FirmsModule,
    LeaveGapsModule,
    SeekersModule,
    PlacementsModule,
    MatchingModule,
    ReferralsModule,
    ProposalsModule,
    UsersModule,
    SpreadsheetsModule,
    OutreachModule,
    ReportsModule,
    NotificationsModule,
    DemoDataModule,
    // Last: the console answers only what no API route did.
    ConsoleModule,
  ],
  providers: [
    // Registered here rather than in main.ts so that test apps built from AppModule get them too.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    // In this order: a flood is refused before any token is checked.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
})
export class AppModule {}
