import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ConfirmationResponse, ProposalDecisionResponse, ReasonDto } from './dto/decision.dto';
import { ProposalDecisionsService } from './proposal-decisions.service';

@ApiTags('proposals')
@Roles('coordinator')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly decisions: ProposalDecisionsService) {}

  @Post(':id/confirm')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key gets the first answer' })
  @ApiCreatedResponse({ type: ConfirmationResponse })
  @ApiConflictResponse({ description: 'placement.seeker_double_booked, placement.gap_already_filled, proposal.not_proposed, idempotency.key_reused' })
  confirm(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ConfirmationResponse> {
    return this.decisions.confirm(id, principal, idempotencyKey);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDecisionResponse })
  reject(@Param('id') id: string, @Body() body: ReasonDto): Promise<ProposalDecisionResponse> {
    return this.decisions.reject(id, body.reason);
  }
}
