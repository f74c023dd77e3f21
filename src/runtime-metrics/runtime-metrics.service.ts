import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { Clock } from '../clock/clock';

/** The histogram's sampling period: stalls shorter than this are not seen. */
const RESOLUTION_MS = 10;
const SAMPLE_INTERVAL_MS = 1_000;
/** A debug line at most this often, and only when the event loop stalled beyond the threshold. */
const LOG_INTERVAL_MS = 60_000;
const LOG_STALL_THRESHOLD_MS = 100;
const NS_PER_MS = 1e6;

export interface RuntimeMetrics {
  readonly since: string;
  /** Event-loop delay (perf_hooks.monitorEventLoopDelay) since `since`, in ms. */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number; readonly mean: number };
  /** Resident set size now and its peak since `since` (sampled each second), in bytes. */
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

const ms = (nanoseconds: number) => Math.round((nanoseconds / NS_PER_MS) * 10) / 10;

/**
 * How responsive this instance is: its event-loop delay and memory, for coordinators and
 * benchmarks (GET /runtime-metrics) and as a debug log line when the loop stalled.
 */
@Injectable()
export class RuntimeMetricsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RuntimeMetrics');
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private since: Date;
  private peakRss = 0;
  private lastLoggedMax = 0;
  private sampler?: NodeJS.Timeout;
  private reporter?: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {
    this.since = clock.now();
  }

  onModuleInit(): void {
    this.histogram.enable();
    this.sampler = setInterval(() => (this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss())), SAMPLE_INTERVAL_MS);
    this.sampler.unref();
    this.reporter = setInterval(() => this.report(), LOG_INTERVAL_MS);
    this.reporter.unref();
  }

  onModuleDestroy(): void {
    this.histogram.disable();
    clearInterval(this.sampler);
    clearInterval(this.reporter);
  }

  read(): RuntimeMetrics {
    const rss = process.memoryUsage.rss();
    this.peakRss = Math.max(this.peakRss, rss);
    const count = this.histogram.count;
    return {
      since: this.since.toISOString(),
      eventLoopDelayMs: {
        p50: count > 0 ? ms(this.histogram.percentile(50)) : 0,
        p99: count > 0 ? ms(this.histogram.percentile(99)) : 0,
        max: count > 0 ? ms(this.histogram.max) : 0,
        mean: count > 0 ? ms(this.histogram.mean) : 0,
      },
      rssBytes: rss,
      peakRssBytes: this.peakRss,
    };
  }

  /** Starts a new measuring window (e.g. at the start of a benchmark) and returns the one it ends. */
  reset(): RuntimeMetrics {
    const ended = this.read();
    this.histogram.reset();
    this.peakRss = process.memoryUsage.rss();
    this.lastLoggedMax = 0;
    this.since = this.clock.now();
    return ended;
  }

  private report(): void {
    const { eventLoopDelayMs } = this.read();
    if (eventLoopDelayMs.max >= LOG_STALL_THRESHOLD_MS && eventLoopDelayMs.max > this.lastLoggedMax) {
      this.lastLoggedMax = eventLoopDelayMs.max;
      this.logger.debug(`event-loop delay since ${this.since.toISOString()}: p99 ${eventLoopDelayMs.p99} ms, max ${eventLoopDelayMs.max} ms`);
    }
  }
}
