/**
 * Who is calling, as proven by the bearer token. Ownership (which firm, which seeker) comes
 * from here and the database, never from a request body.
 */
export type Role = 'coordinator' | 'firm' | 'seeker';

interface SignedIn {
  readonly subject: string;
  /** The account that signed in; absent for tokens printed by `npm run token` for API clients. */
  readonly userId?: string;
}

export type Principal =
  | (SignedIn & { readonly role: 'coordinator' })
  | (SignedIn & { readonly role: 'firm'; readonly firmId: string })
  | (SignedIn & { readonly role: 'seeker'; readonly seekerId: string });
