import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { recordEvent } from '../outbox/outbox';
import { PlacementResponse, toPlacementResponse } from '../placements/dto/placement.dto';
import { CancellationCode, Placement } from '../placements/placement.entity';
import { ReferralLifecycle } from '../referrals/referral-lifecycle';
import { ENDED_EARLY_REASON_OF_CANCELLATION } from '../referrals/referral-states';

/**
 * Ends a confirmed placement: the seeker's days are free again (the exclusion constraint
 * only counts confirmed placements) and the gap is open for the next match run. A referral
 * hired into it ends early that day, in the same transaction (docs/referrals.md).
 */
@Injectable()
export class PlacementCancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralLifecycle,
  ) {}

  async cancel(placementId: string, reason: { readonly note: string; readonly code: CancellationCode }, principal: Principal): Promise<PlacementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const found = isUUID(placementId) ? await manager.findOneBy(Placement, { id: placementId }) : null;
      if (!found) throw new NotFoundError('placement', placementId);
      // The gap row first, as confirm does, so the two never wait on each other in a cycle.
      await manager.findOne(LeaveGap, { where: { id: found.leaveGapId }, lock: { mode: 'pessimistic_write' } });
      // A referral's lock comes between the gap's and the placement's (ReferralLifecycle's order).
      const referral = await this.referrals.lockPlacedOn(manager, found.id);
      const placement = await manager.findOneOrFail(Placement, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      if (placement.status !== 'confirmed') {
        throw new ConflictError('placement.already_cancelled', `placement ${placement.id} is already cancelled`, {
          placementId: placement.id,
        });
      }
      await manager.update(Placement, { id: placement.id }, { status: 'cancelled', cancelledReason: reason.note, cancellationCode: reason.code });
      await manager.update(LeaveGap, { id: placement.leaveGapId, status: 'filled' }, { status: 'open' });
      if (referral) {
        const actor = { role: principal.role, userId: principal.userId ?? null };
        await this.referrals.placementCancelled(manager, referral, ENDED_EARLY_REASON_OF_CANCELLATION[reason.code], actor);
      }
      await recordEvent(manager, {
        type: 'placement.cancelled',
        aggregateType: 'placement',
        aggregateId: placement.id,
        payload: { leaveGapId: placement.leaveGapId, seekerId: placement.seekerId, code: reason.code },
      });
      return toPlacementResponse(await manager.findOneByOrFail(Placement, { id: placement.id }));
    });
  }
}
