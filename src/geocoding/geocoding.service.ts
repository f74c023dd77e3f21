import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { LocationDto } from '../common/location.dto';
import { GeocodeResult, Geocoder } from './geocoder';

@Injectable()
export class GeocodingService {
  constructor(private readonly geocoder: Geocoder) {}

  async search(query: string): Promise<{ items: GeocodeResult[] }> {
    return { items: await this.geocoder.search(query) };
  }

  /**
   * The coordinates of an address a seeker or firm typed instead of coordinates; the best match
   * wins. 400 `geocode.not_found` on `field` when the geocoder knows no such place.
   */
  async locate(address: string, field: string): Promise<LocationDto> {
    const [best] = await this.geocoder.search(address);
    if (!best) {
      throw new DomainError('validation', 'geocode.not_found', `no place matches the ${field}; give coordinates instead`, [
        { field, code: 'geocode.not_found', message: `no place matches this ${field}` },
      ]);
    }
    return { lat: best.lat, lng: best.lng };
  }
}
