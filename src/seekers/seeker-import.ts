import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { cellBoolean, cellDate, cellList, cellNumber, cellPhone, codeOrLabel, optionalText, withoutUndefined } from '../spreadsheets/cells';
import { COMMUTE_MODE_KO } from '../spreadsheets/korean-labels';
import type { ImportColumn, SheetImporter } from '../spreadsheets/sheet-import';
import { cellCodes, cellSkills } from '../spreadsheets/skill-cells';
import { CreateSeekerDto } from './dto/seeker.dto';
import { SeekersService } from './seekers.service';

interface Labels {
  skills: Record<string, string>;
  certifications: Record<string, string>;
}

export const SEEKER_COLUMNS: readonly ImportColumn[] = [
  { header: '이름', fields: ['displayName'], required: true, help: '50자 이내', example: '김민지' },
  { header: '휴대전화', fields: ['phone'], required: true, help: '010-1234-5678 (하이픈 없어도 됨)', example: '010-1234-5678' },
  { header: '이메일', fields: ['email'], required: false, help: '선택', example: 'minji@example.com' },
  { header: '주소', fields: ['address', 'home'], required: true, help: '도로명 주소 또는 시·군·구 + 읍·면·동 (좌표로 바꿔 저장하며 주소 자체는 저장하지 않음)', example: '서울 금천구 독산1동' },
  { header: '위도', fields: ['home.lat'], required: false, help: '선택: 주소 대신 좌표를 쓸 때 (경도와 함께)', example: '' },
  { header: '경도', fields: ['home.lng'], required: false, help: '선택: 위도와 함께', example: '' },
  { header: '통근 수단', fields: ['commuteMode'], required: true, help: '대중교통, 자가용, 도보, 자전거', example: '대중교통' },
  { header: '최대 통근 시간(분)', fields: ['maxCommuteMinutes'], required: true, help: '1–240', example: '60' },
  { header: '기술', fields: ['skills'], required: true, help: '기술 이름 또는 코드:수준(1–5), 쉼표로 구분. 없으면 비워 둠', example: '지게차 운전:3, cnc-milling:2' },
  { header: '자격증', fields: ['certifications'], required: false, help: '자격증 이름 또는 코드, 쉼표로 구분', example: '' },
  { header: '희망 주당 최소 시간', fields: ['weeklyHours', 'weeklyHours.min'], required: true, help: '1–52', example: '20' },
  { header: '희망 주당 최대 시간', fields: ['weeklyHours.max'], required: true, help: '1–52, 최소 시간 이상', example: '40' },
  { header: '희망 최저 시급', fields: ['minHourlyWage'], required: false, help: '원, 선택', example: '11000' },
  { header: '근무 가능 기간', fields: ['availability'], required: false, help: '시작일~종료일, 쉼표로 여러 개', example: '2026-03-01~2026-08-31' },
  { header: '구직 시작일', fields: ['waitingSince'], required: false, help: 'YYYY-MM-DD, 비우면 오늘', example: '' },
  { header: '제외 사업장 ID', fields: ['blockedFirmIds'], required: false, help: '제안하지 않을 사업장의 ID(UUID), 쉼표로 구분', example: '' },
  { header: '개인정보 수집·이용 동의', fields: ['consent'], required: true, help: '동의한 경우에만 Y (동의 없이는 등록할 수 없음)', example: 'Y' },
];

/** Seekers from a sheet, written by SeekersService.insertWithin: the rules of POST /seekers. */
@Injectable()
export class SeekerImporter implements SheetImporter<CreateSeekerDto, Labels> {
  readonly kind = 'seekers';
  readonly title = '구직자';
  readonly columns = SEEKER_COLUMNS;
  readonly dto = CreateSeekerDto;

  constructor(
    private readonly seekers: SeekersService,
    private readonly catalog: CatalogService,
  ) {}

  async prepare(manager: EntityManager): Promise<Labels> {
    return { skills: await this.catalog.labelsOf('skill', manager), certifications: await this.catalog.labelsOf('certification', manager) };
  }

  toBody(cells: Readonly<Record<string, string>>, labels: Labels): Record<string, unknown> {
    const cell = (header: string) => cells[header] ?? '';
    const lat = cellNumber(cell('위도'));
    const lng = cellNumber(cell('경도'));
    const min = cellNumber(cell('희망 주당 최소 시간'));
    const max = cellNumber(cell('희망 주당 최대 시간'));
    return withoutUndefined({
      displayName: cell('이름'),
      phone: cellPhone(cell('휴대전화')) ?? '',
      email: optionalText(cell('이메일')),
      address: optionalText(cell('주소')),
      home: lat === undefined && lng === undefined ? undefined : { lat, lng },
      commuteMode: codeOrLabel(cell('통근 수단'), COMMUTE_MODE_KO),
      maxCommuteMinutes: cellNumber(cell('최대 통근 시간(분)')),
      skills: cellSkills(cell('기술'), labels.skills) ?? [],
      certifications: cellCodes(cell('자격증'), labels.certifications),
      weeklyHours: min === undefined && max === undefined ? undefined : { min, max },
      minHourlyWage: cellNumber(cell('희망 최저 시급')),
      availability: cellList(cell('근무 가능 기간'))?.map(availabilityWindow),
      waitingSince: cellDate(cell('구직 시작일')),
      blockedFirmIds: cellList(cell('제외 사업장 ID')),
      consent: cellBoolean(cell('개인정보 수집·이용 동의')),
    });
  }

  uniqueKey(dto: CreateSeekerDto): { header: string; key: string } {
    return { header: '휴대전화', key: dto.phone.replace(/\D/g, '') };
  }

  async existingKeys(manager: EntityManager, keys: readonly string[]): Promise<ReadonlySet<string>> {
    const rows: { key: string }[] = await manager.query(
      `SELECT regexp_replace(phone, '\\D', '', 'g') AS key FROM seekers WHERE status <> 'withdrawn' AND regexp_replace(phone, '\\D', '', 'g') = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  async insert(manager: EntityManager, dto: CreateSeekerDto): Promise<void> {
    await this.seekers.insertWithin(manager, dto);
  }
}

/** '2026-03-01~2026-08-31' → { start, end }; a window without ~ keeps its text as start, for isCalendarDate to report. */
function availabilityWindow(text: string): { start?: string; end?: string } {
  const [start, end] = text.split(/\s*[~〜～]\s*/);
  return { start: cellDate(start ?? ''), end: cellDate(end ?? '') };
}
