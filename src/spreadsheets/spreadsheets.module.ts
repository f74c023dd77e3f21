import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { FirmsModule } from '../firms/firms.module';
import { LeaveGapsModule } from '../leave-gaps/leave-gaps.module';
import { SeekersModule } from '../seekers/seekers.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';

/** 10,000 seekers are about 1 MB as XLSX and 2 MB as CSV; the JSON body limit (100 kB) does not apply to uploads. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Sheet imports; exports live in each feature's controller, written with table-writer.ts. */
@Module({
  imports: [
    // In memory: the sheet is parsed whole anyway, and nothing personal lands on disk.
    MulterModule.register({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0 } }),
    SeekersModule,
    FirmsModule,
    LeaveGapsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportService],
})
export class SpreadsheetsModule {}
