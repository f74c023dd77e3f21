import type { ReactNode } from 'react';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import { useLoad } from '../hooks';
import { ProblemAlert } from './ProblemAlert';

type Referral = components['schemas']['ReferralDetailResponse'];

/** Loads one referral with its timeline and hands it to `children`, with a reload after an answer. */
export function ReferralDetails({ id, children }: { id: string; children: (referral: Referral, reload: () => void) => ReactNode }) {
  const referral = useLoad(() => must(api.GET('/api/v1/referrals/{id}', { params: { path: { id } } })), [id]);
  if (referral.error) return <ProblemAlert error={referral.error} />;
  return referral.data ? <div>{children(referral.data, () => void referral.reload())}</div> : null;
}
