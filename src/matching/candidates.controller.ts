import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Language, RequestLanguage } from '../common/messages/language';
import { CandidatesService } from './candidates.service';
import { CandidatesQuery, CandidatesResponse } from './dto/candidates.dto';

@ApiSignedIn()
@ApiTags('leave-gaps')
@Roles('coordinator')
@Controller('leave-gaps')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get(':id/candidates')
  @ApiOperation({ summary: 'Live candidates for a leave gap with their score breakdown' })
  @ApiServiceUnavailableResponse({ description: 'candidates.saturated: too many live-candidate requests at once; retry after Retry-After' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: CandidatesResponse })
  list(
    @Param('id') id: string,
    @Query() query: CandidatesQuery,
    @CurrentPrincipal() principal: Principal,
    @RequestLanguage() language: Language,
  ): Promise<CandidatesResponse> {
    return this.candidates.forGap(id, query.limit, principal, language);
  }
}
