import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { ProposalReferralController } from './proposal-referral.controller';
import { ReferralLifecycleModule } from './referral-lifecycle.module';
import { ReferralReadsService } from './referral-reads.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Referrals (알선): from a proposal to a kept placement (docs/referrals.md). */
@Module({
  imports: [ReferralLifecycleModule, ProposalsModule, IdempotencyModule, AccessLogModule],
  controllers: [ReferralsController, ProposalReferralController],
  providers: [ReferralsService, ReferralReadsService],
})
export class ReferralsModule {}
