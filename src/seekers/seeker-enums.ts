export const COMMUTE_MODES = ['transit', 'car', 'bicycle', 'walk'] as const;
export type CommuteMode = (typeof COMMUTE_MODES)[number];

export const SEEKER_STATUSES = ['active', 'inactive'] as const;
export type SeekerStatus = (typeof SEEKER_STATUSES)[number];
