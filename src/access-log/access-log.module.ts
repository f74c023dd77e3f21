import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConnectionModule } from '../database/database-connection';
import { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

/** Global: every feature that sends a seeker's personal data to someone else records it here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AccessLogEntry]), DatabaseConnectionModule],
  controllers: [AccessLogController],
  providers: [AccessLogService],
  exports: [AccessLogService],
})
export class AccessLogModule {}
