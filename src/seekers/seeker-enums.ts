export const COMMUTE_MODES = ['transit', 'car', 'bicycle', 'walk'] as const;
export type CommuteMode = (typeof COMMUTE_MODES)[number];

export const SEEKER_STATUSES = ['active', 'inactive', 'withdrawn'] as const;
export type SeekerStatus = (typeof SEEKER_STATUSES)[number];

/** What a PATCH may set; `withdrawn` only comes from DELETE /seekers/{id} (it erases the personal data). */
export const SETTABLE_SEEKER_STATUSES = ['active', 'inactive'] as const;
