import { GeocodingModule } from '../geocoding/geocoding.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { ProposalLifecycleModule } from '../proposals/proposal-lifecycle.module';
import { ReferralLifecycleModule } from '../referrals/referral-lifecycle.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SeekerAvailability } from './seeker-availability.entity';
import { Seeker } from './seeker.entity';
import { SeekersController } from './seekers.controller';
import { SeekersService } from './seekers.service';
import { SeekerImporter } from './seeker-import';

@Module({
  imports: [TypeOrmModule.forFeature([Seeker, SeekerAvailability]), ProposalLifecycleModule, ReferralLifecycleModule, IdempotencyModule, CatalogModule, GeocodingModule],
  controllers: [SeekersController],
  providers: [SeekersService, SeekerImporter],
  exports: [SeekersService, SeekerImporter],
})
export class SeekersModule {}
