/**
 * Leave types as administrative data writes them. The Korean names are those of 고용보험 benefits
 * and 남녀고용평등법 (the console's labels too); codes are the API's. Infertility treatment becomes
 * `other`: coordinators never learn it (남녀고용평등법 §18-3④). Pure.
 */
import type { LeaveType } from '../leave-gaps/leave-types';
import type { ExpectedLeaveType } from './outreach-codes';

const KOREAN_NAMES: Readonly<Record<string, LeaveType>> = {
  출산전후휴가: 'maternity',
  출산휴가: 'maternity',
  육아휴직: 'parental',
  육아기근로시간단축: 'reduced_hours',
  근로시간단축: 'reduced_hours',
  배우자출산휴가: 'spouse_maternity',
  난임치료휴가: 'infertility_treatment',
  기타: 'other',
  기타휴가: 'other',
};

const CODES: readonly LeaveType[] = ['maternity', 'parental', 'reduced_hours', 'spouse_maternity', 'infertility_treatment', 'other'];

export function parseExpectedLeaveType(written: string): ExpectedLeaveType | undefined {
  const key = written.replace(/\s+/g, '');
  const type = KOREAN_NAMES[key] ?? CODES.find((code) => code === key.toLowerCase());
  if (type === undefined) return undefined;
  return type === 'infertility_treatment' ? 'other' : type;
}
