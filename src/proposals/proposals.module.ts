import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ReferralLifecycleModule } from '../referrals/referral-lifecycle.module';
import { PlacementCancellationController } from './placement-cancellation.controller';
import { PlacementCancellationService } from './placement-cancellation.service';
import { ProposalDecisionsService } from './proposal-decisions.service';
import { ProposalLifecycleModule } from './proposal-lifecycle.module';
import { Proposal } from './proposal.entity';
import { ProposalsController } from './proposals.controller';
import { RejectedPair } from './rejected-pair.entity';

/** Coordinator decisions: confirm or reject a proposal, cancel a placement. */
@Module({
  imports: [TypeOrmModule.forFeature([Proposal, RejectedPair]), IdempotencyModule, OutboxModule, ProposalLifecycleModule, ReferralLifecycleModule],
  controllers: [ProposalsController, PlacementCancellationController],
  providers: [ProposalDecisionsService, PlacementCancellationService],
  // Referrals hire through confirm's own path.
  exports: [ProposalDecisionsService],
})
export class ProposalsModule {}
