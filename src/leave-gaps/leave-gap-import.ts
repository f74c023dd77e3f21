import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CatalogService } from '../catalog/catalog.service';
import { RuleViolation } from '../common/domain-error';
import { normalizeBusinessNumber } from '../firms/business-number';
import { cellBoolean, cellDate, cellNumber, codeOrLabel, optionalText, withoutUndefined } from '../spreadsheets/cells';
import { EXTENDED_PARENTAL_REASON_KO, LEAVE_TYPE_KO } from '../spreadsheets/korean-labels';
import type { ImportColumn, SheetImporter } from '../spreadsheets/sheet-import';
import { cellCodes, cellSkills } from '../spreadsheets/skill-cells';
import { CreateLeaveGapDto } from './dto/leave-gap.dto';
import { LeaveGapsService } from './leave-gaps.service';

interface Context {
  skills: Record<string, string>;
  certifications: Record<string, string>;
  firmIdByBusinessNumber: Map<string, string>;
}

const BUSINESS_NUMBER = '사업자등록번호';

export const LEAVE_GAP_COLUMNS: readonly ImportColumn[] = [
  { header: BUSINESS_NUMBER, fields: ['firm'], required: true, help: '등록된 사업장의 사업자등록번호', example: '124-81-00998' },
  { header: '휴직 유형', fields: ['leaveType'], required: true, help: '출산전후휴가, 육아휴직, 육아기 근로시간 단축, 배우자 출산휴가, 난임치료휴가, 기타', example: '육아휴직' },
  { header: '휴직 시작일', fields: ['leaveStart'], required: true, help: 'YYYY-MM-DD', example: '2027-03-02' },
  { header: '휴직 종료일', fields: ['leaveEnd'], required: true, help: 'YYYY-MM-DD (그날 포함)', example: '2028-03-01' },
  { header: '직무명', fields: ['roleTitle'], required: true, help: '100자 이내', example: 'CNC 가공원' },
  { header: '필수 기술', fields: ['requiredSkills'], required: true, help: '기술 이름 또는 코드:수준(1–5), 쉼표로 구분', example: 'cnc-milling:3' },
  { header: '우대 기술', fields: ['preferredSkills'], required: false, help: '필수 기술과 같은 형식', example: '' },
  { header: '필수 자격증', fields: ['requiredCertifications'], required: false, help: '자격증 이름 또는 코드, 쉼표로 구분', example: '' },
  { header: '주당 근로시간', fields: ['weeklyHours'], required: true, help: '원래 일자리의 주당 시간, 1–52', example: '40' },
  { header: '단축 후 주당 근로시간', fields: ['reducedWeeklyHours'], required: false, help: '근로시간 단축만: 휴직자가 계속 일하는 시간 15–35', example: '' },
  { header: '시급', fields: ['hourlyWage'], required: true, help: '원, 해당 연도 최저임금 이상', example: '12000' },
  { header: '인수인계 일수', fields: ['handoverDays'], required: false, help: '휴직 전 인수인계 일수, 비우면 0', example: '10' },
  { header: '복귀 후 근무 일수', fields: ['afterReturnDays'], required: false, help: '육아휴직만: 0–31', example: '' },
  { header: '다태아', fields: ['multipleBirth'], required: false, help: '출산전후휴가만: Y/N', example: '' },
  { header: '미숙아', fields: ['prematureBirth'], required: false, help: '출산전후휴가만: Y/N', example: '' },
  { header: '출산일', fields: ['birthDate'], required: false, help: '출산전후휴가·배우자 출산휴가: YYYY-MM-DD', example: '' },
  { header: '육아휴직 연장 사유', fields: ['extendedParentalReason'], required: false, help: '부모 모두 육아휴직, 한부모, 장애아동', example: '' },
  { header: '미사용 육아휴직 개월', fields: ['unusedParentalMonths'], required: false, help: '근로시간 단축만: 0–12', example: '' },
  { header: '최대 통근 시간(분)', fields: ['maxCommuteMinutes'], required: false, help: '1–240, 선택', example: '' },
];

/** Leave gaps from a sheet, each for the registered firm its business number names; written by LeaveGapsService with the rules of POST /firms/{id}/leave-gaps. */
@Injectable()
export class LeaveGapImporter implements SheetImporter<CreateLeaveGapDto, Context> {
  readonly kind = 'leave-gaps';
  readonly title = '휴직 공백';
  readonly columns = LEAVE_GAP_COLUMNS;
  readonly dto = CreateLeaveGapDto;

  constructor(
    private readonly gaps: LeaveGapsService,
    private readonly catalog: CatalogService,
  ) {}

  async prepare(manager: EntityManager): Promise<Context> {
    const firms: { id: string; business_number: string }[] = await manager.query(`SELECT id, business_number FROM firms`);
    return {
      skills: await this.catalog.labelsOf('skill', manager),
      certifications: await this.catalog.labelsOf('certification', manager),
      firmIdByBusinessNumber: new Map(firms.map((firm) => [firm.business_number, firm.id])),
    };
  }

  toBody(cells: Readonly<Record<string, string>>, context: Context): Record<string, unknown> {
    const cell = (header: string) => cells[header] ?? '';
    return withoutUndefined({
      leaveType: codeOrLabel(cell('휴직 유형'), LEAVE_TYPE_KO),
      leaveStart: cellDate(cell('휴직 시작일')),
      leaveEnd: cellDate(cell('휴직 종료일')),
      roleTitle: cell('직무명'),
      requiredSkills: cellSkills(cell('필수 기술'), context.skills) ?? [],
      preferredSkills: cellSkills(cell('우대 기술'), context.skills),
      requiredCertifications: cellCodes(cell('필수 자격증'), context.certifications),
      weeklyHours: cellNumber(cell('주당 근로시간')),
      reducedWeeklyHours: cellNumber(cell('단축 후 주당 근로시간')),
      hourlyWage: cellNumber(cell('시급')),
      handoverDays: cellNumber(cell('인수인계 일수')),
      afterReturnDays: cellNumber(cell('복귀 후 근무 일수')),
      multipleBirth: cellBoolean(cell('다태아')),
      prematureBirth: cellBoolean(cell('미숙아')),
      birthDate: cellDate(cell('출산일')),
      extendedParentalReason: codeOrLabel(cell('육아휴직 연장 사유'), EXTENDED_PARENTAL_REASON_KO),
      unusedParentalMonths: cellNumber(cell('미사용 육아휴직 개월')),
      maxCommuteMinutes: cellNumber(cell('최대 통근 시간(분)')),
    });
  }

  /** The same leave of the same firm posted twice: one firm, leave type, first day and role. */
  uniqueKey(dto: CreateLeaveGapDto, cells: Readonly<Record<string, string>>): { header: string; key: string } {
    return { header: '직무명', key: [normalizeBusinessNumber(cells[BUSINESS_NUMBER] ?? ''), dto.leaveType, dto.leaveStart, dto.roleTitle].join('|') };
  }

  async existingKeys(manager: EntityManager, keys: readonly string[]): Promise<ReadonlySet<string>> {
    const rows: { key: string }[] = await manager.query(
      `SELECT concat_ws('|', firms.business_number, gap.leave_type, gap.leave_start::text, gap.role_title) AS key
         FROM leave_gaps gap JOIN firms ON firms.id = gap.firm_id
        WHERE gap.status <> 'cancelled' AND concat_ws('|', firms.business_number, gap.leave_type, gap.leave_start::text, gap.role_title) = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  async insert(manager: EntityManager, dto: CreateLeaveGapDto, principal: Principal, context: Context, cells: Readonly<Record<string, string>>): Promise<void> {
    const businessNumber = normalizeBusinessNumber(cells[BUSINESS_NUMBER] ?? '');
    const firmId = typeof businessNumber === 'string' ? context.firmIdByBusinessNumber.get(businessNumber) : undefined;
    if (firmId === undefined) {
      throw new RuleViolation('import.unknown_firm', 'firm', 'no registered firm has this business registration number: import the firm first');
    }
    await this.gaps.assertCreatable(dto, manager);
    await this.gaps.insertWithin(manager, firmId, dto, principal);
  }
}
