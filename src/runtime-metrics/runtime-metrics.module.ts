import { Module } from '@nestjs/common';
import { RuntimeMetricsController } from './runtime-metrics.controller';
import { RuntimeMetricsService } from './runtime-metrics.service';

@Module({
  controllers: [RuntimeMetricsController],
  providers: [RuntimeMetricsService],
})
export class RuntimeMetricsModule {}
