import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';
import { CreateReferralDto } from './dto/referral-commands.dto';
import { ReferralDetailResponse } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiSignedIn()
@ApiTags('referrals')
@Roles('coordinator')
@Controller('proposals')
export class ProposalReferralController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post(':id/referral')
  @ApiOperation({ summary: 'Refer a proposal (알선): it is offered to its seeker' })
  @ApiIdempotencyKey()
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id' })
  @ApiConflictResponse({ description: 'proposal.not_proposed, referral.gap_has_open_referral, leave_gap.not_open, leave_gap.ended, seeker.not_active, firm.cancelled, idempotency.key_reused' })
  @ApiCreatedResponse({ type: ReferralDetailResponse })
  refer(
    @Param('id') id: string,
    @Body() body: CreateReferralDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReferralDetailResponse> {
    return this.referrals.refer(id, body.note, principal, idempotencyKey);
  }
}
