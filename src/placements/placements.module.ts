import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Firm } from '../firms/firm.entity';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { Seeker } from '../seekers/seeker.entity';
import { Placement } from './placement.entity';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

@Module({
  imports: [TypeOrmModule.forFeature([Placement, Seeker, LeaveGap, Firm])],
  controllers: [PlacementsController],
  providers: [PlacementsService],
  exports: [PlacementsService],
})
export class PlacementsModule {}
