import { koreanNearMissDetail } from './near-miss-detail-ko';

describe('near-miss details in Korean', () => {
  it.each([
    ['embedded-c missing (level 2 required)', 'embedded-c 없음 (수준 2 필요)'],
    ['forklift level 1 < 3 required; welding missing (level 2 required)', 'forklift 수준 1 (필요 3); welding 없음 (수준 2 필요)'],
    ['unavailable 2027-12-09..2028-05-19', '2027. 12. 9. ~ 2028. 5. 19. 일할 수 없음'],
    ['busy 2027-03-02; 2 more busy ranges', '2027. 3. 2. 다른 배치 중; 그 밖에 2개 기간'],
    ['15 h/week < 20 h/week minimum', '주 15시간 < 희망 최소 주 20시간'],
    ['40 h/week > 30 h/week maximum', '주 40시간 > 희망 최대 주 30시간'],
    ['10030 KRW/h < 12000 KRW/h minimum', '시급 10,030원 < 희망 최저 12,000원'],
    ['61.3 min > 60 min (vacancy limit)', '통근 61.3분 > 공백의 통근 한도 60분'],
    ['45.2 min > 45 min', '통근 45.2분 > 통근 한도 45분'],
    ['pair blocked; firm 6d1f0c9e-0000-4000-8000-000000000001 blocked by seeker', '이 공백에서 제외됨; 구직자가 이 기업을 제외함'],
    ['forklift-license, crane missing', '자격증 없음: forklift-license, crane'],
  ])('%s', (english, korean) => expect(koreanNearMissDetail(english)).toBe(korean));

  it('keeps a part it does not know as it came', () => {
    expect(koreanNearMissDetail('something new; 45.2 min > 45 min')).toBe('something new; 통근 45.2분 > 통근 한도 45분');
  });
});
