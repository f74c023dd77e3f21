/** Demo firms of the two pilot complexes: invented but plausible names and street addresses. */
export interface DemoFirm {
  name: string;
  address: string;
}

export const SEOUL_DIGITAL_COMPLEX = '서울디지털국가산업단지';
export const GUMI_COMPLEX = '구미국가산업단지';

export const DEMO_FIRMS: Record<string, DemoFirm[]> = {
  [SEOUL_DIGITAL_COMPLEX]: [
    { name: '한빛전자(주)', address: '서울 금천구 가산디지털1로 168' },
    { name: '(주)가산테크', address: '서울 금천구 가산디지털2로 98' },
    { name: '디지털솔루션즈(주)', address: '서울 구로구 디지털로 288' },
    { name: '(주)구로정보통신', address: '서울 구로구 디지털로33길 27' },
    { name: '미래반도체(주)', address: '서울 금천구 벚꽃로 254' },
    { name: '(주)코리아센서', address: '서울 금천구 가산로 80' },
    { name: '나래시스템(주)', address: '서울 구로구 디지털로26길 111' },
    { name: '(주)서울광학', address: '서울 금천구 디지털로9길 65' },
    { name: '금천일렉트로닉스(주)', address: '서울 금천구 가산디지털1로 145' },
    { name: '(주)세진아이티', address: '서울 구로구 구로동로 33' },
    { name: '우리엔지니어링(주)', address: '서울 금천구 범안로 1130' },
    { name: '(주)하늘메디텍', address: '서울 구로구 디지털로 306' },
    { name: '태성전자(주)', address: '서울 금천구 서부샛길 606' },
    { name: '(주)에이치엠소프트', address: '서울 구로구 디지털로 242' },
    { name: '(주)동진패키징', address: '서울 금천구 두산로 70' },
  ],
  [GUMI_COMPLEX]: [
    { name: '(주)대성정밀', address: '경북 구미시 1공단로 212' },
    { name: '구미금속(주)', address: '경북 구미시 3공단1로 130' },
    { name: '(주)금오테크', address: '경북 구미시 임수로 44' },
    { name: '경북산업(주)', address: '경북 구미시 수출대로 152' },
    { name: '(주)한국광학', address: '경북 구미시 1공단로4길 88' },
    { name: '신성정공(주)', address: '경북 구미시 공단동 262' },
    { name: '(주)동아플라스틱', address: '경북 구미시 3공단3로 302' },
    { name: '삼일기계(주)', address: '경북 구미시 산호대로 253' },
    { name: '(주)오성전자', address: '경북 구미시 수출대로9길 25' },
    { name: '낙동물류(주)', address: '경북 구미시 4공단로 185' },
    { name: '(주)선산하이텍', address: '경북 구미시 1공단로 307' },
    { name: '영진화학(주)', address: '경북 구미시 3공단2로 47' },
    { name: '(주)대원산업', address: '경북 구미시 임수동 94' },
    { name: '청운정밀(주)', address: '경북 구미시 2공단로 120' },
    { name: '(주)형곡기계', address: '경북 구미시 구미대로 350' },
  ],
};
