/**
 * Who is calling, as proven by the bearer token. Ownership (which firm, which seeker) comes
 * from here and the database, never from a request body.
 */
export type Role = 'coordinator' | 'firm' | 'seeker';

export type Principal =
  | { readonly role: 'coordinator'; readonly subject: string }
  | { readonly role: 'firm'; readonly subject: string; readonly firmId: string }
  | { readonly role: 'seeker'; readonly subject: string; readonly seekerId: string };
