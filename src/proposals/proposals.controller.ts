import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ConfirmationResponse, ProposalDecisionResponse, ReasonDto } from './dto/decision.dto';
import { ProposalDecisionsService } from './proposal-decisions.service';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

@ApiSignedIn()
@ApiTags('proposals')
@Roles('coordinator')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly decisions: ProposalDecisionsService) {}

  @Post(':id/confirm')
  @ApiOperation({ summary: 'Confirm a proposal: creates the placement' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ConfirmationResponse })
  @ApiConflictResponse({ description: 'placement.seeker_double_booked, placement.gap_already_filled, proposal.not_proposed, proposal.referred (hire through the referral), idempotency.key_reused' })
  confirm(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ConfirmationResponse> {
    return this.decisions.confirm(id, principal, idempotencyKey);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a proposal with a reason' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiConflictResponse({ description: 'proposal.not_proposed, proposal.referred (withdraw the referral instead)' })
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDecisionResponse })
  reject(@Param('id') id: string, @Body() body: ReasonDto): Promise<ProposalDecisionResponse> {
    return this.decisions.reject(id, body.reason);
  }
}
