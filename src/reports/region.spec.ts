import { parseRegionFilter, regionContains, regionOf } from './region';

describe('region of an address', () => {
  it('normalises the 시·도 and keeps the 시·군·구', () => {
    expect(regionOf('서울 금천구 가산디지털1로 168')).toEqual({ sido: '서울특별시', sigungu: '금천구' });
    expect(regionOf('서울특별시 구로구 디지털로 2')).toEqual({ sido: '서울특별시', sigungu: '구로구' });
    expect(regionOf('경북 구미시 산호대로 3')).toEqual({ sido: '경상북도', sigungu: '구미시' });
    expect(regionOf('강원도 춘천시 중앙로 1')).toEqual({ sido: '강원특별자치도', sigungu: '춘천시' });
    expect(regionOf('경기 칠곡군')?.sigungu).toBe('칠곡군');
  });

  it('has no 시·군·구 when the second word is none (세종) and no region without a 시·도', () => {
    expect(regionOf('세종 한누리대로 2130')).toEqual({ sido: '세종특별자치시', sigungu: null });
    expect(regionOf('bulk address')).toBeNull();
    expect(regionOf('금천구 가산동')).toBeNull();
  });

  it('reads a filter as a 시·도 or a 시·도 with its 시·군·구, nothing else', () => {
    expect(parseRegionFilter('서울')).toEqual({ sido: '서울특별시', sigungu: null });
    expect(parseRegionFilter(' 서울특별시  금천구 ')).toEqual({ sido: '서울특별시', sigungu: '금천구' });
    expect(parseRegionFilter('서울 가산동')).toBeNull();
    expect(parseRegionFilter('서울 금천구 가산동')).toBeNull();
    expect(parseRegionFilter('화성')).toBeNull();
  });

  it('a 시·도 filter contains its districts; a district filter only itself', () => {
    const gasan = regionOf('서울 금천구 가산동')!;
    expect(regionContains({ sido: '서울특별시', sigungu: null }, gasan)).toBe(true);
    expect(regionContains({ sido: '서울특별시', sigungu: '구로구' }, gasan)).toBe(false);
    expect(regionContains({ sido: '경상북도', sigungu: null }, gasan)).toBe(false);
    expect(regionContains({ sido: '서울특별시', sigungu: null }, null)).toBe(false);
  });
});
