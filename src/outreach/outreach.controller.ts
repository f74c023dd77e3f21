import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/pagination';
import { sendTable } from '../spreadsheets/send-table';
import { writeTable } from '../spreadsheets/table-writer';
import { CALL_LIST_COLUMNS } from './call-list-columns';
import { CallListService } from './call-list.service';
import { CallListEntry, CallListExportQuery, CallListPage, CallListQuery, ContactResponse } from './dto/call-list.dto';
import { RecordContactDto } from './dto/contact.dto';
import { ExpectedLeaveFileBody, ExpectedLeaveImportReport } from './dto/import.dto';
import { ExpectedLeaveImportService } from './expected-leave-import.service';
import { OutreachContactsService } from './outreach-contacts.service';
import { MultipartFile, uploadedTable } from './uploaded-file';

/** Bigger than any administrative extract of expected leaves a Talent Bank gets (20,000 rows). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const UPLOAD = FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } });

/** 선제 발굴: expected leaves from administrative data, the call list, and the contacts. Coordinators only. */
@ApiTags('outreach')
@ApiSignedIn()
@Roles('coordinator')
@Controller('outreach')
export class OutreachController {
  constructor(
    private readonly imports: ExpectedLeaveImportService,
    private readonly callList: CallListService,
    private readonly contacts: OutreachContactsService,
  ) {}

  @Post('expected-leaves/dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a CSV/XLSX file of expected leaves and say what an import would do; writes nothing' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ExpectedLeaveFileBody })
  @ApiBadRequestResponse({ description: 'outreach.file_invalid: `errors` names every bad column (`columns.<header>`) and cell (`rows[<row>].<field>`)' })
  @ApiOkResponse({ type: ExpectedLeaveImportReport })
  @UseInterceptors(UPLOAD)
  dryRun(@UploadedFile() file: MultipartFile | undefined): Promise<ExpectedLeaveImportReport> {
    return this.imports.dryRun(uploadedTable(file));
  }

  @Post('expected-leaves/import')
  @ApiOperation({ summary: 'Import a CSV/XLSX file of expected leaves: all rows or none; known leaves are not written twice' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ExpectedLeaveFileBody })
  @ApiBadRequestResponse({ description: 'outreach.file_invalid, as for the dry run; nothing written' })
  @ApiCreatedResponse({ type: ExpectedLeaveImportReport })
  @UseInterceptors(UPLOAD)
  importFile(@UploadedFile() file: MultipartFile | undefined, @CurrentPrincipal() principal: Principal): Promise<ExpectedLeaveImportReport> {
    return this.imports.import(uploadedTable(file), principal);
  }

  @Get('call-list')
  @ApiOperation({ summary: 'Expected leaves with no covering gap and no closing outcome, soonest expected start first' })
  @ApiOkResponse({ type: CallListPage })
  list(@Query() query: CallListQuery): Promise<Page<CallListEntry>> {
    return this.callList.list(query);
  }

  @Get('call-list/export')
  @ApiOperation({ summary: 'The call list (same filters) as CSV or XLSX, without coordinator notes' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the file' })
  async export(@Query() query: CallListExportQuery): Promise<StreamableFile> {
    const { format, ...filters } = query;
    return sendTable(format, '선제발굴_연락목록', await writeTable(format, '연락 목록', CALL_LIST_COLUMNS, this.callList.all(filters)));
  }

  @Post('expected-leaves/:id/contacts')
  @ApiOperation({ summary: 'Record a call or visit about an expected leave (time: now)' })
  @ApiNotFoundResponse({ description: 'expected_leave.not_found' })
  @ApiCreatedResponse({ type: ContactResponse })
  recordContact(@Param('id') id: string, @Body() dto: RecordContactDto, @CurrentPrincipal() principal: Principal): Promise<ContactResponse> {
    return this.contacts.record(id, dto, principal);
  }

  @Get('expected-leaves/:id/contacts')
  @ApiOperation({ summary: 'Every contact about an expected leave, latest first' })
  @ApiNotFoundResponse({ description: 'expected_leave.not_found' })
  @ApiOkResponse({ type: [ContactResponse] })
  contactHistory(@Param('id') id: string): Promise<ContactResponse[]> {
    return this.contacts.history(id);
  }
}
