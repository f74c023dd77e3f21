import { GeocodingModule } from '../geocoding/geocoding.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IndustrialComplex } from '../complexes/industrial-complex.entity';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ReferralLifecycleModule } from '../referrals/referral-lifecycle.module';
import { Firm } from './firm.entity';
import { FirmsController } from './firms.controller';
import { FirmsService } from './firms.service';
import { FirmImporter } from './firm-import';

@Module({
  imports: [TypeOrmModule.forFeature([Firm, IndustrialComplex, LeaveGap]), IdempotencyModule, ProposalLifecycleModule, ReferralLifecycleModule, GeocodingModule],
  controllers: [FirmsController],
  providers: [FirmsService, FirmImporter],
  exports: [FirmsService, FirmImporter],
})
export class FirmsModule {}
