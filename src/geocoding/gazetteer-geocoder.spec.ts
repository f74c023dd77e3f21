import { GAZETTEER_ROWS } from './gazetteer-rows';
import { GazetteerGeocoder } from './gazetteer-geocoder';

describe('gazetteer geocoder', () => {
  const gazetteer = new GazetteerGeocoder();

  it('covers every district around both pilot complexes', () => {
    const districts = new Set(GAZETTEER_ROWS.map((row) => `${row[1]} ${row[2]}`));
    expect([...districts].sort()).toEqual(
      ['서울특별시 금천구', '서울특별시 구로구', '서울특별시 관악구', '서울특별시 영등포구', '경기도 광명시', '경상북도 구미시', '경상북도 칠곡군', '경상북도 김천시'].sort(),
    );
    // 금천구 has ten 행정동; 구미시 25 읍·면·동.
    expect(GAZETTEER_ROWS.filter((row) => row[2] === '금천구' && row[3] !== null)).toHaveLength(10);
    expect(GAZETTEER_ROWS.filter((row) => row[2] === '구미시' && row[3] !== null)).toHaveLength(25);
  });

  it('finds a 읍·면·동 by its district and name, in either spelling of 제N동', () => {
    const [best] = gazetteer.lookup('서울 금천구 가산동');
    expect(best).toMatchObject({ label: '서울특별시 금천구 가산동', sigungu: '금천구', eupmyeondong: '가산동', source: 'gazetteer' });
    expect(best.lat).toBeCloseTo(37.474, 2);
    expect(best.lng).toBeCloseTo(126.894, 2);
    expect(gazetteer.lookup('금천 독산1동')[0].eupmyeondong).toBe('독산제1동');
  });

  it('answers a legal dong with its administrative dongs, and an ambiguous name with every district', () => {
    expect(gazetteer.lookup('금천구 독산동').map((result) => result.eupmyeondong)).toEqual(['독산제1동', '독산제2동', '독산제3동', '독산제4동']);
    // 가산동 (금천구) and 가산면 (칠곡군) are different places: a bare 가산동 is the Seoul one only.
    expect(gazetteer.lookup('가산동').map((result) => result.sigungu)).toEqual(['금천구']);
    expect(gazetteer.lookup('칠곡군 가산면')[0]).toMatchObject({ sigungu: '칠곡군', eupmyeondong: '가산면' });
  });

  it('falls back to the district for a road address, and finds nothing for an unknown place', () => {
    expect(gazetteer.lookup('서울 금천구 가산디지털1로 168')).toEqual([expect.objectContaining({ label: '서울특별시 금천구', eupmyeondong: null })]);
    expect(gazetteer.lookup('경북 구미시 공단동 123')[0]).toMatchObject({ sigungu: '구미시', eupmyeondong: '공단동' });
    expect(gazetteer.lookup('부산 해운대구 우동')).toEqual([]);
    expect(gazetteer.lookup('   ')).toEqual([]);
  });
});
