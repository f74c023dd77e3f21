import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { sendTable } from '../spreadsheets/send-table';
import { ReportExportQuery, ReportQuery, ReportResponse } from './dto/report.dto';
import { reportFileName, writeReport } from './report-export';
import { ReportsService } from './reports.service';

/** The programme's figures, for coordinators only (docs/reports.md defines each). */
@ApiSignedIn()
@ApiTags('reports')
@Roles('coordinator')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('outcomes')
  @ApiOperation({ summary: 'Gaps posted in a period and what became of them, grouped by complex, region, month, leave type or occupation' })
  @ApiBadRequestResponse({ description: 'a filter breaks its rule (problem `errors` name each)' })
  @ApiOkResponse({ type: ReportResponse })
  outcomes(@Query() query: ReportQuery): Promise<ReportResponse> {
    return this.reports.outcomes(query);
  }

  @Get('outcomes/export')
  @ApiOperation({ summary: 'The same report as CSV (UTF-8 with BOM) or XLSX, Korean headers, one row per group and the total' })
  @ApiBadRequestResponse({ description: 'a filter breaks its rule (problem `errors` name each)' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the sheet', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: ReportExportQuery): Promise<StreamableFile> {
    const report = await this.reports.outcomes(query);
    return sendTable(query.format, reportFileName(report), await writeReport(query.format, report));
  }
}
