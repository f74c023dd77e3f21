import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { FirmsModule } from '../firms/firms.module';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ReferralLifecycleModule } from '../referrals/referral-lifecycle.module';
import { LeaveGap } from './leave-gap.entity';
import { LeaveGapsController } from './leave-gaps.controller';
import { LeaveGapsService } from './leave-gaps.service';
import { LeaveGapImporter } from './leave-gap-import';

@Module({
  imports: [TypeOrmModule.forFeature([LeaveGap]), FirmsModule, ProposalLifecycleModule, ReferralLifecycleModule, CatalogModule, IdempotencyModule],
  controllers: [LeaveGapsController],
  providers: [LeaveGapsService, LeaveGapImporter],
  exports: [LeaveGapsService, LeaveGapImporter],
})
export class LeaveGapsModule {}
