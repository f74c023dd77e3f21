export const CATALOG_KINDS = ['skill', 'certification'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** A code a seeker or gap names, and where in the request it stands (e.g. `skills[0].code`). */
export interface CodeReference {
  readonly field: string;
  readonly code: string;
  readonly kind: CatalogKind;
}

/** The references to check for a seeker's or a gap's skills and certifications. */
export function codeReferences(lists: {
  readonly [field: string]: { readonly kind: CatalogKind; readonly items?: readonly (string | { readonly code: string })[] | null };
}): CodeReference[] {
  return Object.entries(lists).flatMap(([field, { kind, items }]) =>
    (items ?? []).map((item, index) =>
      typeof item === 'string'
        ? { field: `${field}[${index}]`, code: item, kind }
        : { field: `${field}[${index}].code`, code: item.code, kind },
    ),
  );
}
