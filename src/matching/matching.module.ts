import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConnectionModule } from '../database/database-connection';
import { ThreadedStatementsModule } from '../database/threaded-statements';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';
import { InstanceModule } from './instance.module';
import { MatchQueue } from './match-queue';
import { MatchRunExecutor } from './match-run-executor';
import { MatchRunResultsWriter } from './match-run-results.writer';
import { MatchRunRetention } from './match-run-retention';
import { MatchRun } from './match-run.entity';
import { MatchRunsController } from './match-runs.controller';
import { MatchRunsService } from './match-runs.service';
import { RunResultsService } from './run-results.service';
import { SeekerPool } from './seeker-pool';
import { SolverThread } from './solver/solver-thread';
import { UnfilledGap } from './unfilled-gap.entity';

/** The Nest side of matching: instance builder, match runs (queue, worker thread), results, live candidates. */
@Module({
  imports: [TypeOrmModule.forFeature([MatchRun, UnfilledGap]), DatabaseConnectionModule, ThreadedStatementsModule, IdempotencyModule, OutboxModule, ProposalsModule, ProposalLifecycleModule, InstanceModule],
  controllers: [MatchRunsController, CandidatesController],
  providers: [
    MatchQueue,
    SolverThread,
    MatchRunExecutor,
    MatchRunResultsWriter,
    MatchRunsService,
    RunResultsService,
    CandidatesService,
    SeekerPool,
    MatchRunRetention,
  ],
})
export class MatchingModule {}
