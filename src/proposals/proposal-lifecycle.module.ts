import { Module } from '@nestjs/common';
import { InstanceModule } from '../matching/instance.module';
import { PairFeasibility } from './pair-feasibility';
import { ProposalLifecycle } from './proposal-lifecycle';

/** The owner of proposals' status, for every feature whose changes end proposals (runs, gaps, firms, seekers). */
@Module({
  imports: [InstanceModule],
  providers: [ProposalLifecycle, PairFeasibility],
  exports: [ProposalLifecycle, PairFeasibility],
})
export class ProposalLifecycleModule {}
