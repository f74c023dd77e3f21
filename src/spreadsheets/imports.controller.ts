import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { type Language, RequestLanguage } from '../common/messages/language';
import { SpreadsheetFormatQuery } from './dto/format-query.dto';
import { ImportKindParams, ImportQuery, ImportUpload } from './dto/import-query.dto';
import { ImportReport } from './dto/import-report.dto';
import { importTemplate } from './import-template';
import { ImportService } from './import.service';
import { sendTable } from './send-table';
import { uploadFormat } from './upload-format';

/** What multer hands over for the one file field. */
interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
}

/** The Talent Bank's sheets of seekers, firms and leave gaps: templates, dry runs, all-or-none imports. */
@ApiTags('imports')
@ApiSignedIn()
@Roles('coordinator')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Get(':kind/template')
  @ApiOperation({ summary: 'The empty sheet to fill in, with Korean headers (XLSX adds a 작성 안내 sheet)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'the template file' })
  async template(@Param() params: ImportKindParams, @Query() query: SpreadsheetFormatQuery): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    const importer = this.imports.importerOf(params.kind);
    return sendTable(format, `${importer.title} 등록 양식`, await importTemplate(format, importer.title, importer.columns));
  }

  /**
   * Checks every row with the rules of the create endpoint and, unless `dryRun`, writes them
   * all in one transaction, or none: a sheet with any problem answers 400 `import.rows_invalid`
   * with the same report in `details.report`.
   */
  @Post(':kind')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Import a sheet (dryRun=true: only check it)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUpload })
  @ApiOkResponse({ type: ImportReport })
  @ApiBadRequestResponse({ description: 'not a spreadsheet, wrong headers, no rows, or (import) rows with problems: nothing written' })
  run(
    @Param() params: ImportKindParams,
    @Query() query: ImportQuery,
    @UploadedFile() file: UploadedSheet | undefined,
    @CurrentPrincipal() principal: Principal,
    @RequestLanguage() language: Language,
  ): Promise<ImportReport> {
    if (!file) throw new DomainError('validation', 'import.file_missing', 'send the sheet as the multipart field `file`');
    const format = uploadFormat(file.originalname, file.buffer);
    return this.imports.run(params.kind, { buffer: file.buffer, format }, principal, { dryRun: query.dryRun ?? false, language });
  }
}
