import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination';
import { FirmAnswerDto, PlacementOutcomeDto, SeekerAnswerDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { ListReferralsQuery, ReferralDetailResponse, ReferralPage, ReferralResponse } from './dto/referral.dto';
import { SPREADSHEET_CONTENT_TYPES, sendTable } from '../spreadsheets/send-table';
import { ExportReferralsQuery } from './referral-export';
import { ReferralReadsService } from './referral-reads.service';
import { ReferralsService } from './referrals.service';

const ILLEGAL_MOVE = 'referral.illegal_move (the problem names the current status)';

/** Referrals (알선): every role reads its own; each side answers its own step (docs/referrals.md). */
@ApiTags('referrals')
@ApiSignedIn()
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly reads: ReferralReadsService,
  ) {}

  @Get()
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOperation({ summary: 'List referrals (a seeker its own, a firm those of its gaps once the seeker accepted, coordinators all)' })
  @ApiOkResponse({ type: ReferralPage })
  list(@Query() query: ListReferralsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ReferralResponse>> {
    return this.reads.list(query, principal);
  }

  @Get('export')
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOperation({ summary: 'Export the listed referrals as CSV or XLSX (the list’s filters; each role what its list shows)' })
  @ApiProduces(...SPREADSHEET_CONTENT_TYPES)
  @ApiOkResponse({ description: 'the file, Korean headers' })
  async export(@Query() query: ExportReferralsQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return sendTable(format, '알선', await this.reads.exportTable(query, principal, format));
  }

  @Get(':id')
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOperation({ summary: 'One referral with its timeline (notes for coordinators only)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: ReferralDetailResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReferralDetailResponse> {
    return this.reads.detail(id, principal);
  }

  @Post(':id/seeker-answer')
  @Roles('seeker', 'coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: "The seeker accepts or declines the offer (a coordinator may record it on the seeker's behalf)" })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiConflictResponse({ description: ILLEGAL_MOVE })
  @ApiOkResponse({ type: ReferralDetailResponse })
  seekerAnswer(@Param('id') id: string, @Body() body: SeekerAnswerDto, @CurrentPrincipal() principal: Principal): Promise<ReferralDetailResponse> {
    return this.referrals.seekerAnswer(id, body, principal);
  }

  @Post(':id/firm-answer')
  @Roles('firm', 'coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: "The firm interviews, hires (the placement is confirmed) or declines (a coordinator may record it on the firm's behalf)" })
  @ApiBadRequestResponse({ description: 'a field breaks its rule; referral.start_outside_period' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiConflictResponse({ description: `${ILLEGAL_MOVE}; a hire refused as a confirm would be: placement.seeker_double_booked, infeasible.*, …` })
  @ApiOkResponse({ type: ReferralDetailResponse })
  firmAnswer(@Param('id') id: string, @Body() body: FirmAnswerDto, @CurrentPrincipal() principal: Principal): Promise<ReferralDetailResponse> {
    return this.referrals.firmAnswer(id, body, principal);
  }

  @Post(':id/outcome')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'After a hire: kept 30 days, or ended early on a day (the placement ends that day)' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule; referral.ended_on_outside_placement' })
  @ApiConflictResponse({ description: `${ILLEGAL_MOVE}; referral.retention_not_due; placement.already_cancelled` })
  @ApiOkResponse({ type: ReferralDetailResponse })
  outcome(@Param('id') id: string, @Body() body: PlacementOutcomeDto, @CurrentPrincipal() principal: Principal): Promise<ReferralDetailResponse> {
    return this.referrals.recordOutcome(id, body, principal);
  }

  @Post(':id/withdraw')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'The Talent Bank takes an open referral back' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule' })
  @ApiConflictResponse({ description: ILLEGAL_MOVE })
  @ApiOkResponse({ type: ReferralDetailResponse })
  withdraw(@Param('id') id: string, @Body() body: WithdrawReferralDto, @CurrentPrincipal() principal: Principal): Promise<ReferralDetailResponse> {
    return this.referrals.withdraw(id, body, principal);
  }
}
