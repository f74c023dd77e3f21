import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FirmsModule } from '../firms/firms.module';
import { LeaveGap } from './leave-gap.entity';
import { LeaveGapsController } from './leave-gaps.controller';
import { LeaveGapsService } from './leave-gaps.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeaveGap]), FirmsModule],
  controllers: [LeaveGapsController],
  providers: [LeaveGapsService],
  exports: [LeaveGapsService],
})
export class LeaveGapsModule {}
