/**
 * The 시·도 and 시·군·구 of a Korean address, read from its first two words. Firms' addresses
 * are free text written either way (`서울 금천구 …`, `서울특별시 금천구 …`), so the 시·도 is
 * normalised to its official name (행정안전부 행정표준코드: 17 광역자치단체, with the 2023–24
 * renamings of 강원·전북 to 특별자치도 and their former names accepted).
 */
export interface Region {
  readonly sido: string;
  /** null when the address names no 시·군·구 (e.g. 세종특별자치시 has none). */
  readonly sigungu: string | null;
}

const SIDO_NAMES: { readonly [official: string]: readonly string[] } = {
  서울특별시: ['서울', '서울시'],
  부산광역시: ['부산', '부산시'],
  대구광역시: ['대구', '대구시'],
  인천광역시: ['인천', '인천시'],
  광주광역시: ['광주', '광주시'],
  대전광역시: ['대전', '대전시'],
  울산광역시: ['울산', '울산시'],
  세종특별자치시: ['세종', '세종시'],
  경기도: ['경기'],
  강원특별자치도: ['강원', '강원도'],
  충청북도: ['충북'],
  충청남도: ['충남'],
  전북특별자치도: ['전북', '전라북도'],
  전라남도: ['전남'],
  경상북도: ['경북'],
  경상남도: ['경남'],
  제주특별자치도: ['제주', '제주도'],
};

const OFFICIAL_SIDO: ReadonlyMap<string, string> = new Map(
  Object.entries(SIDO_NAMES).flatMap(([official, aliases]) => [[official, official] as const, ...aliases.map((alias) => [alias, official] as const)]),
);

const SIGUNGU = /^\S+[시군구]$/;

/** The region an address lies in, or null when its first word is no 시·도. */
export function regionOf(address: string): Region | null {
  const [first, second] = address.trim().split(/\s+/);
  const sido = OFFICIAL_SIDO.get(first ?? '');
  if (!sido) return null;
  return { sido, sigungu: second !== undefined && SIGUNGU.test(second) ? second : null };
}

/** `서울특별시 금천구`, or the 시·도 alone. */
export function regionLabel(region: Region, level: 'sido' | 'sigungu'): string {
  return level === 'sigungu' && region.sigungu ? `${region.sido} ${region.sigungu}` : region.sido;
}

/** Whether `region` lies in `filter` (a 시·도, or a 시·도 with its 시·군·구). */
export function regionContains(filter: Region, region: Region | null): boolean {
  if (!region || region.sido !== filter.sido) return false;
  return filter.sigungu === null || filter.sigungu === region.sigungu;
}

/** A region filter as typed: `서울특별시`, `서울 금천구`; null when it is not one of those forms. */
export function parseRegionFilter(text: string): Region | null {
  const words = text.trim().split(/\s+/);
  if (words.length > 2) return null;
  const region = regionOf(text);
  if (!region || (words.length === 2 && region.sigungu === null)) return null;
  return region;
}
