import { Module } from '@nestjs/common';
import { ReportFactsReader } from './report-facts.reader';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportFactsReader],
})
export class ReportsModule {}
