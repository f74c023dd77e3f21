import type { OutboxEventType } from '../outbox/outbox';
import type { NotifiedEventType } from './notification-templates';

/**
 * Who hears about which event (issue 11, contracts.md "Recipients"). Pure. `firm_if_seen`: the
 * firm's accounts only when the referral had reached the firm (the seeker had accepted it).
 * Event types missing here are published without deliveries (a run queued, a proposal made).
 */
export type AudienceRule = 'seeker' | 'firm' | 'firm_if_seen' | 'coordinators';

export const AUDIENCES: Readonly<Record<NotifiedEventType, readonly AudienceRule[]>> = {
  'referral.offered': ['seeker'],
  'referral.seeker_accepted': ['firm', 'coordinators'],
  'referral.seeker_declined': ['coordinators'],
  'referral.firm_interview': ['seeker'],
  'referral.hired': ['seeker', 'firm'],
  'referral.firm_declined': ['seeker', 'coordinators'],
  'referral.retained_30_days': ['coordinators'],
  'referral.ended_early': ['coordinators', 'firm'],
  'referral.withdrawn': ['seeker', 'firm_if_seen'],
  'proposal.confirmed': ['firm', 'seeker'],
  'placement.cancelled': ['firm', 'seeker'],
  'placement.amended': ['firm', 'seeker'],
  'match_run.succeeded': ['coordinators'],
  'match_run.failed': ['coordinators'],
};

export function isNotified(type: string): type is NotifiedEventType {
  return Object.prototype.hasOwnProperty.call(AUDIENCES, type);
}

export function audienceRulesOf(type: OutboxEventType | string): readonly AudienceRule[] {
  return isNotified(type) ? AUDIENCES[type] : [];
}
