import { koreanDay, koreanWon } from '../common/messages/korean-format';

/**
 * The engine says by how much a near miss fails its rule in the contract's English
 * (src/matching/core/feasibility.ts, DESCRIBE); the Korean explanation and the console say it in
 * Korean. A part not recognised is shown as it came, so a new wording is never lost, only untranslated.
 */
const PARTS: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^(\S+) missing \(level (\d+) required\)$/, (code, level) => `${code} 없음 (수준 ${level} 필요)`],
  [/^(\S+) level (\d+) < (\d+) required$/, (code, level, required) => `${code} 수준 ${level} (필요 ${required})`],
  [/^(unavailable|busy) (\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/, (kind, start, end) => `${period(start, end)} ${kind === 'busy' ? '다른 배치 중' : '일할 수 없음'}`],
  [/^(\d+) more (?:unavailable|busy) ranges$/, (count) => `그 밖에 ${count}개 기간`],
  [/^([\d.]+) h\/week < ([\d.]+) h\/week minimum$/, (hours, min) => `주 ${hours}시간 < 희망 최소 주 ${min}시간`],
  [/^([\d.]+) h\/week > ([\d.]+) h\/week maximum$/, (hours, max) => `주 ${hours}시간 > 희망 최대 주 ${max}시간`],
  [/^(\d+) KRW\/h < (\d+) KRW\/h minimum$/, (wage, min) => `시급 ${koreanWon(Number(wage))} < 희망 최저 ${koreanWon(Number(min))}`],
  [/^([\d.]+) min > ([\d.]+) min( \(vacancy limit\))?$/, (minutes, limit, ofVacancy) => `통근 ${minutes}분 > ${ofVacancy ? '공백의 통근 한도' : '통근 한도'} ${limit}분`],
  [/^pair blocked$/, () => '이 공백에서 제외됨'],
  [/^firm \S+ blocked by seeker$/, () => '구직자가 이 기업을 제외함'],
  [/^(.+) missing$/, (codes) => `자격증 없음: ${codes}`],
];

function period(start: string, end: string | undefined): string {
  return end === undefined ? koreanDay(start) : `${koreanDay(start)} ~ ${koreanDay(end)}`;
}

export function koreanNearMissDetail(detail: string): string {
  return detail
    .split('; ')
    .map((part) => {
      for (const [pattern, say] of PARTS) {
        const match = pattern.exec(part);
        if (match) return say(...match.slice(1));
      }
      return part;
    })
    .join('; ');
}
