import { Module } from '@nestjs/common';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ReferralLifecycle } from './referral-lifecycle';

/** The owner of referrals' state, for every feature whose changes withdraw open referrals (gaps, firms, seekers). */
@Module({
  imports: [ProposalLifecycleModule],
  providers: [ReferralLifecycle],
  exports: [ReferralLifecycle],
})
export class ReferralLifecycleModule {}
