import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { GazetteerGeocoder } from './gazetteer-geocoder';
import { Geocoder } from './geocoder';
import { GeocodingController } from './geocoding.controller';
import { GeocodingService } from './geocoding.service';
import { VworldGeocoder } from './vworld-geocoder';

/** The geocoder GEOCODER names; the VWorld key was checked at start-up (environment.ts). */
export function geocoderFor(config: AppConfig): Geocoder {
  if (config.geocoder === 'vworld') {
    const { url, apiKey, timeoutMs } = config.vworld;
    return new VworldGeocoder({ url, apiKey: apiKey!, timeoutMs });
  }
  return new GazetteerGeocoder();
}

@Module({
  controllers: [GeocodingController],
  providers: [{ provide: Geocoder, inject: [AppConfig], useFactory: geocoderFor }, GeocodingService],
  exports: [GeocodingService],
})
export class GeocodingModule {}
