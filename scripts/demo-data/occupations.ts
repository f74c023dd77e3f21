/**
 * Occupation families of the demo: Korean role titles, the skill codes they draw on and the
 * certifications some roles require. Codes are what matching compares, so seekers and gaps
 * of one family share them.
 */
export interface Occupation {
  family: string;
  roles: string[];
  skills: string[];
  /** Certification some gaps of this family require and some seekers of it hold. */
  certification?: string;
  wage: { min: number; max: number };
}

export const OCCUPATIONS: Occupation[] = [
  {
    family: 'machining',
    roles: ['CNC 가공원', 'MCT 오퍼레이터', 'CNC 선반 가공원', '금형 가공원'],
    skills: ['cnc-milling', 'cnc-turning', 'blueprint-reading', 'cad-cam', 'precision-measuring'],
    wage: { min: 11_000, max: 15_000 },
  },
  {
    family: 'quality',
    roles: ['품질검사원', '품질관리 담당자', '출하검사원'],
    skills: ['quality-inspection', 'precision-measuring', 'iso-9001', 'spc', 'blueprint-reading'],
    certification: 'quality-management-engineer',
    wage: { min: 10_800, max: 14_500 },
  },
  {
    family: 'office',
    roles: ['회계 사무원', '총무 사무원', '인사·급여 담당', '영업관리 사무원'],
    skills: ['bookkeeping', 'erp', 'spreadsheet', 'payroll', 'tax-filing'],
    certification: 'computerized-accounting',
    wage: { min: 10_500, max: 13_500 },
  },
  {
    family: 'electronics-production',
    roles: ['SMT 오퍼레이터', '전자부품 조립원', 'PCB 검사원'],
    skills: ['smt-operation', 'soldering', 'pcb-inspection', 'reflow-profiling', 'aoi-operation'],
    wage: { min: 10_500, max: 13_000 },
  },
  {
    family: 'logistics',
    roles: ['물류 관리원', '자재 관리원', '지게차 운전원', '출고 담당'],
    skills: ['inventory-management', 'forklift-operation', 'wms', 'packing', 'erp'],
    certification: 'forklift',
    wage: { min: 10_500, max: 13_000 },
  },
  {
    family: 'electronics-design',
    roles: ['전자회로 설계', '펌웨어 개발자', 'PCB 설계 엔지니어'],
    skills: ['circuit-design', 'pcb-layout', 'embedded-c', 'signal-analysis', 'altium'],
    wage: { min: 15_000, max: 22_000 },
  },
  {
    family: 'software',
    roles: ['웹 개발자', '사내 IT 지원 담당', '데이터 분석 담당'],
    skills: ['java', 'web-frontend', 'sql', 'network-admin', 'python'],
    wage: { min: 14_000, max: 22_000 },
  },
  {
    family: 'welding',
    roles: ['용접원', '배관 용접원', '제관 용접원'],
    skills: ['welding-tig', 'welding-co2', 'blueprint-reading', 'grinding'],
    certification: 'welding-craftsman',
    wage: { min: 12_000, max: 16_000 },
  },
];

/** How often each family's jobs occur in each pilot complex (relative weights). */
export const FAMILY_WEIGHTS_BY_COMPLEX: Record<string, Record<string, number>> = {
  서울디지털국가산업단지: {
    'electronics-design': 4,
    software: 4,
    office: 4,
    'electronics-production': 3,
    quality: 2,
    logistics: 2,
    machining: 1,
  },
  구미국가산업단지: {
    machining: 4,
    'electronics-production': 4,
    quality: 3,
    logistics: 3,
    welding: 2,
    office: 2,
    'electronics-design': 1,
  },
};
