import { Module } from '@nestjs/common';
import { InstanceBuilder } from './instance-builder';

/**
 * The instance builder on its own, so that proposals (re-checking a pair on confirm or after a
 * seeker's edit) use the very mapping match runs use without importing all of matching.
 */
@Module({
  providers: [InstanceBuilder],
  exports: [InstanceBuilder],
})
export class InstanceModule {}
