import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEvent } from './outbox-event.entity';

/** The outbox table; writers call recordEvent() with their own transaction's manager. */
@Module({ imports: [TypeOrmModule.forFeature([OutboxEvent])] })
export class OutboxModule {}
