import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ReferralLifecycle } from './referral-lifecycle';
import { ReferralStep } from './referral-step.entity';
import { Referral } from './referral.entity';

/** The owner of referrals' state, for every feature whose changes withdraw open referrals (gaps, firms, seekers). */
@Module({
  imports: [TypeOrmModule.forFeature([Referral, ReferralStep]), ProposalLifecycleModule],
  providers: [ReferralLifecycle],
  exports: [ReferralLifecycle],
})
export class ReferralLifecycleModule {}
