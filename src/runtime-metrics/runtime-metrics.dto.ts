import { ApiProperty } from '@nestjs/swagger';
import type { RuntimeMetrics } from './runtime-metrics.service';

export class EventLoopDelayView {
  @ApiProperty() p50: number;
  @ApiProperty() p99: number;
  @ApiProperty() max: number;
  @ApiProperty() mean: number;
}

export class RuntimeMetricsResponse implements RuntimeMetrics {
  @ApiProperty({ description: 'start of the measuring window' }) since: string;
  @ApiProperty({ type: EventLoopDelayView, description: 'ms, perf_hooks.monitorEventLoopDelay (10 ms resolution)' })
  eventLoopDelayMs: EventLoopDelayView;
  @ApiProperty() rssBytes: number;
  @ApiProperty({ description: 'peak resident set size in the window, sampled each second' }) peakRssBytes: number;
}
