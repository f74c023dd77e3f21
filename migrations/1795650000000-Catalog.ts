import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The skill and certification catalogue: matching compares codes exactly, so a typo in a
 * seeker's skills or a gap's requirements silently matched nobody. Seekers and gaps now name
 * only catalogued codes (the service refuses others with suggestions).
 *
 * Seeded with the demo's occupations (scripts/demo-data/occupations.ts) and common 국가기술자격
 * (Q-Net, 한국산업인력공단 종목명). Codes are shared by both kinds' namespace so one code means
 * one thing wherever it appears.
 */
type Row = [code: string, kind: 'skill' | 'certification', labelKo: string, labelEn: string, synonyms: string[]];

const SEED: Row[] = [
  // machining
  ['cnc-milling', 'skill', 'CNC 밀링 가공', 'CNC milling', ['MCT', '머시닝센터', '밀링']],
  ['cnc-turning', 'skill', 'CNC 선반 가공', 'CNC turning', ['선반', '터닝']],
  ['blueprint-reading', 'skill', '도면 해독', 'Blueprint reading', ['도면', '기계도면']],
  ['cad-cam', 'skill', 'CAD/CAM 프로그래밍', 'CAD/CAM programming', ['캐드캠', 'CAM']],
  ['precision-measuring', 'skill', '정밀 측정', 'Precision measuring', ['측정', '3차원 측정', '버니어캘리퍼스']],
  ['autocad', 'skill', 'AutoCAD 도면 작성', 'AutoCAD drafting', ['오토캐드', '캐드']],
  ['grinding', 'skill', '연삭·사상', 'Grinding', ['그라인딩', '연삭']],
  // quality
  ['quality-inspection', 'skill', '품질 검사', 'Quality inspection', ['검사', 'QC', '출하검사']],
  ['iso-9001', 'skill', 'ISO 9001 품질경영시스템', 'ISO 9001 quality management', ['ISO', '품질경영시스템']],
  ['spc', 'skill', '통계적 공정관리(SPC)', 'Statistical process control', ['SPC', '공정관리']],
  // office
  ['bookkeeping', 'skill', '회계 장부 작성', 'Bookkeeping', ['회계', '전표', '장부']],
  ['erp', 'skill', 'ERP 사용', 'ERP systems', ['더존', 'SAP', '전사적자원관리']],
  ['spreadsheet', 'skill', '스프레드시트(엑셀)', 'Spreadsheets', ['엑셀', 'Excel']],
  ['excel', 'skill', '엑셀 실무', 'Microsoft Excel', ['엑셀', '스프레드시트']],
  ['payroll', 'skill', '급여 관리', 'Payroll', ['급여', '4대보험']],
  ['tax-filing', 'skill', '세무 신고', 'Tax filing', ['부가세', '원천세', '세무']],
  // electronics production
  ['smt-operation', 'skill', 'SMT 장비 운영', 'SMT line operation', ['SMT', '표면실장']],
  ['soldering', 'skill', '납땜', 'Soldering', ['솔더링', '납땜']],
  ['pcb-inspection', 'skill', 'PCB 검사', 'PCB inspection', ['기판검사', 'PCB']],
  ['reflow-profiling', 'skill', '리플로우 프로파일 관리', 'Reflow profiling', ['리플로우']],
  ['aoi-operation', 'skill', 'AOI 검사기 운영', 'AOI operation', ['AOI', '자동광학검사']],
  // logistics
  ['inventory-management', 'skill', '재고 관리', 'Inventory management', ['재고', '자재관리']],
  ['forklift-operation', 'skill', '지게차 운전', 'Forklift operation', ['지게차']],
  ['wms', 'skill', '창고관리시스템(WMS)', 'Warehouse management system', ['WMS', '창고관리']],
  ['packing', 'skill', '포장', 'Packing', ['포장', '패킹']],
  // electronics design
  ['circuit-design', 'skill', '회로 설계', 'Circuit design', ['회로', '하드웨어 설계']],
  ['pcb-layout', 'skill', 'PCB 아트웍', 'PCB layout', ['아트웍', 'PCB 설계']],
  ['embedded-c', 'skill', '임베디드 C', 'Embedded C', ['펌웨어', '임베디드']],
  ['signal-analysis', 'skill', '신호 분석', 'Signal analysis', ['오실로스코프', '신호측정']],
  ['altium', 'skill', 'Altium Designer', 'Altium Designer', ['알티움']],
  // software
  ['java', 'skill', 'Java 개발', 'Java development', ['자바']],
  ['web-frontend', 'skill', '웹 프론트엔드 개발', 'Web front-end development', ['프론트엔드', 'HTML', 'JavaScript']],
  ['sql', 'skill', 'SQL·데이터베이스', 'SQL and databases', ['데이터베이스', 'DB']],
  ['network-admin', 'skill', '네트워크 관리', 'Network administration', ['네트워크', '전산관리']],
  ['python', 'skill', 'Python 개발', 'Python development', ['파이썬']],
  // welding
  ['welding', 'skill', '용접', 'Welding', ['용접']],
  ['welding-tig', 'skill', 'TIG 용접', 'TIG welding', ['알곤용접', '티그']],
  ['welding-co2', 'skill', 'CO2 용접', 'CO2 welding', ['씨오투', '반자동용접']],
  // certifications: 국가기술자격 (Q-Net 종목명) and the demo's accounting certificate
  ['forklift', 'certification', '지게차운전기능사', 'Forklift Operator Craftsman', ['지게차', '지게차 면허']],
  ['welding-craftsman', 'certification', '용접기능사', 'Craftsman Welding', ['용접 자격증']],
  ['special-welding-craftsman', 'certification', '특수용접기능사', 'Craftsman Special Welding', ['특수용접']],
  ['electrician-craftsman', 'certification', '전기기능사', 'Craftsman Electricity', ['전기 자격증']],
  ['electrical-industrial-engineer', 'certification', '전기산업기사', 'Industrial Engineer Electricity', ['전기산업']],
  ['electronic-equipment-craftsman', 'certification', '전자기기기능사', 'Craftsman Electronic Apparatus', ['전자기기']],
  ['computer-literacy-1', 'certification', '컴퓨터활용능력 1급', 'Computer Specialist in Spreadsheet & Database, level 1', ['컴활 1급', '컴활']],
  ['computer-literacy-2', 'certification', '컴퓨터활용능력 2급', 'Computer Specialist in Spreadsheet & Database, level 2', ['컴활 2급', '컴활']],
  ['word-processor', 'certification', '워드프로세서', 'Word Processor', ['워드']],
  ['hazardous-materials-industrial-engineer', 'certification', '위험물산업기사', 'Industrial Engineer Hazardous Material', ['위험물']],
  ['hazardous-materials-craftsman', 'certification', '위험물기능사', 'Craftsman Hazardous Material', ['위험물']],
  ['cnc-lathe-craftsman', 'certification', '컴퓨터응용선반기능사', 'Craftsman Computer Aided Lathe', ['CNC 선반', '선반기능사']],
  ['cnc-milling-craftsman', 'certification', '컴퓨터응용밀링기능사', 'Craftsman Computer Aided Milling', ['CNC 밀링', '밀링기능사']],
  ['quality-management-engineer', 'certification', '품질경영산업기사', 'Industrial Engineer Quality Management', ['품질경영']],
  ['mechanical-design-industrial-engineer', 'certification', '기계설계산업기사', 'Industrial Engineer Mechanical Design', ['기계설계']],
  ['industrial-safety-engineer', 'certification', '산업안전산업기사', 'Industrial Engineer Industrial Safety', ['산업안전']],
  ['overhead-crane-craftsman', 'certification', '천장크레인운전기능사', 'Craftsman Overhead Crane Operation', ['크레인']],
  ['information-processing-engineer', 'certification', '정보처리기사', 'Engineer Information Processing', ['정처기']],
  ['computerized-accounting', 'certification', '전산회계', 'Computerized Accounting', ['전산회계 1급', '전산회계 2급']],
];

export class Catalog1795650000000 implements MigrationInterface {
  name = 'Catalog1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog_entries (
        code text PRIMARY KEY,
        kind text NOT NULL,
        label_ko text NOT NULL,
        label_en text NOT NULL,
        synonyms text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_catalog_entries_code CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 64),
        CONSTRAINT ck_catalog_entries_kind CHECK (kind IN ('skill', 'certification')),
        CONSTRAINT ck_catalog_entries_labels CHECK (btrim(label_ko) <> '' AND btrim(label_en) <> '')
      )`);
    await queryRunner.query(`CREATE INDEX ix_catalog_entries_kind ON catalog_entries (kind, code)`);
    await queryRunner.query(
      `INSERT INTO catalog_entries (code, kind, label_ko, label_en, synonyms)
       SELECT code, kind, label_ko, label_en, synonyms::text[] FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS seed(code, kind, label_ko, label_en, synonyms)`,
      [
        SEED.map((row) => row[0]),
        SEED.map((row) => row[1]),
        SEED.map((row) => row[2]),
        SEED.map((row) => row[3]),
        // unnest of a text[][] would flatten it: each entry's synonyms travel as one array literal.
        SEED.map((row) => `{${row[4].map((synonym) => `"${synonym}"`).join(',')}}`),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE catalog_entries`);
  }
}
