export const LEAVE_TYPES = [
  'maternity',
  'parental',
  'reduced_hours',
  'spouse_maternity',
  'infertility_treatment',
  'other',
] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/** Reasons the law allows parental leave beyond 12 months, up to 18. */
export const EXTENDED_PARENTAL_REASONS = ['both_parents', 'single_parent', 'disabled_child'] as const;
export type ExtendedParentalReason = (typeof EXTENDED_PARENTAL_REASONS)[number];

export const LEAVE_GAP_STATUSES = ['open', 'filled', 'cancelled'] as const;
export type LeaveGapStatus = (typeof LEAVE_GAP_STATUSES)[number];

/** Who reads a gap: only its own firm learns that a leave is for infertility treatment (남녀고용평등법 §18-3④). */
export type LeaveGapReader = 'firm' | 'coordinator';

/** The leave type as `reader` may see it: infertility treatment is "other leave" to everyone but the firm. */
export function visibleLeaveType(leaveType: LeaveType, reader: LeaveGapReader): LeaveType {
  return leaveType === 'infertility_treatment' && reader !== 'firm' ? 'other' : leaveType;
}
