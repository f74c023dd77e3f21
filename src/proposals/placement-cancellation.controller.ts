import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { PlacementResponse } from '../placements/dto/placement.dto';
import { CancelPlacementDto } from './dto/decision.dto';
import { PlacementCancellationService } from './placement-cancellation.service';

/** Cancelling belongs to the coordinator workflow (it reopens the gap for matching). */
@ApiTags('placements')
@Roles('coordinator')
@Controller('placements')
export class PlacementCancellationController {
  constructor(private readonly cancellation: PlacementCancellationService) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: PlacementResponse })
  cancel(@Param('id') id: string, @Body() body: CancelPlacementDto): Promise<PlacementResponse> {
    return this.cancellation.cancel(id, { note: body.reason, code: body.publicReason ?? 'other' });
  }
}
