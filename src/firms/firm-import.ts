import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { GeocodingService } from '../geocoding/geocoding.service';
import { cellBoolean, cellNumber, optionalText, withoutUndefined } from '../spreadsheets/cells';
import type { ImportColumn, SheetImporter } from '../spreadsheets/sheet-import';
import { normalizeBusinessNumber } from './business-number';
import { CreateFirmDto } from './dto/firm.dto';
import { FirmsService } from './firms.service';

export const FIRM_COLUMNS: readonly ImportColumn[] = [
  { header: '사업장명', fields: ['name'], required: true, help: '200자 이내', example: '(주)대성정밀' },
  { header: '사업자등록번호', fields: ['businessNumber'], required: true, help: '10자리, 하이픈 있어도 됨 (검증 숫자 확인)', example: '124-81-00998' },
  { header: '상시근로자 수', fields: ['employeeCount'], required: true, help: '1 이상', example: '48' },
  { header: '우선지원대상기업', fields: ['prioritySupport'], required: true, help: 'Y 또는 N', example: 'Y' },
  { header: '산업단지', fields: ['complexId'], required: true, help: '등록된 산업단지 이름 또는 ID', example: '서울디지털산업단지' },
  { header: '주소', fields: ['address'], required: true, help: '사업장 주소 (좌표로 바꿔 저장)', example: '서울 금천구 가산디지털1로 168' },
  { header: '위도', fields: ['site', 'site.lat'], required: false, help: '선택: 주소로 위치를 찾지 못할 때 (경도와 함께)', example: '' },
  { header: '경도', fields: ['site.lng'], required: false, help: '선택: 위도와 함께', example: '' },
];

/** Firms from a sheet, written by FirmsService.insertWithin: the rules of POST /firms. */
@Injectable()
export class FirmImporter implements SheetImporter<CreateFirmDto, Map<string, string>> {
  readonly kind = 'firms';
  readonly title = '사업장';
  readonly columns = FIRM_COLUMNS;
  readonly dto = CreateFirmDto;

  constructor(
    private readonly firms: FirmsService,
    private readonly geocoding: GeocodingService,
  ) {}

  /** Complex id by name: a Talent Bank's sheet names the complex, not its id. */
  async prepare(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM industrial_complexes`);
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  toBody(cells: Readonly<Record<string, string>>, complexIdByName: Map<string, string>): Record<string, unknown> {
    const cell = (header: string) => cells[header] ?? '';
    const lat = cellNumber(cell('위도'));
    const lng = cellNumber(cell('경도'));
    const complex = cell('산업단지');
    return withoutUndefined({
      name: cell('사업장명'),
      businessNumber: cell('사업자등록번호'),
      employeeCount: cellNumber(cell('상시근로자 수')),
      prioritySupport: cellBoolean(cell('우선지원대상기업')),
      complexId: isUUID(complex) ? complex : (complexIdByName.get(complex) ?? optionalText(complex)),
      address: cell('주소'),
      site: lat === undefined && lng === undefined ? undefined : { lat, lng },
    });
  }

  uniqueKey(dto: CreateFirmDto): { header: string; key: string } {
    return { header: '사업자등록번호', key: normalizeBusinessNumber(dto.businessNumber) as string };
  }

  async existingKeys(manager: EntityManager, keys: readonly string[]): Promise<ReadonlySet<string>> {
    const rows: { business_number: string }[] = await manager.query(`SELECT business_number FROM firms WHERE business_number = ANY($1)`, [keys]);
    return new Set(rows.map((row) => row.business_number));
  }

  async insert(manager: EntityManager, dto: CreateFirmDto): Promise<void> {
    const site = dto.site ?? (await this.geocoding.locate(dto.address, 'address'));
    await this.firms.insertWithin(manager, dto, site);
  }
}
