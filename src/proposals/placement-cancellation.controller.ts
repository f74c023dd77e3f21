import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PlacementResponse } from '../placements/dto/placement.dto';
import { CancelPlacementDto } from './dto/decision.dto';
import { PlacementCancellationService } from './placement-cancellation.service';

/** Cancelling belongs to the coordinator workflow (it reopens the gap for matching). */
@ApiSignedIn()
@ApiTags('placements')
@Roles('coordinator')
@Controller('placements')
export class PlacementCancellationController {
  constructor(private readonly cancellation: PlacementCancellationService) {}

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a placement (reopens the gap)' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(200)
  @ApiOkResponse({ type: PlacementResponse })
  cancel(@Param('id') id: string, @Body() body: CancelPlacementDto, @CurrentPrincipal() principal: Principal): Promise<PlacementResponse> {
    return this.cancellation.cancel(id, { note: body.reason, code: body.publicReason ?? 'other' }, principal);
  }
}
