import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { GeocodeQuery, GeocodeResponse } from './dto/geocode.dto';
import { GeocodingService } from './geocoding.service';

@ApiTags('geocode')
@ApiSignedIn()
@Controller('geocode')
export class GeocodingController {
  constructor(private readonly geocoding: GeocodingService) {}

  @Get()
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOperation({ summary: 'Coordinates for a Korean address or 시·군·구 + 읍·면·동' })
  @ApiOkResponse({ type: GeocodeResponse })
  @ApiServiceUnavailableResponse({ description: 'geocode.unavailable: the configured geocoding API did not answer' })
  search(@Query() query: GeocodeQuery): Promise<GeocodeResponse> {
    return this.geocoding.search(query.q);
  }
}
