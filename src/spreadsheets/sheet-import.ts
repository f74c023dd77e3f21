import type { ClassConstructor } from 'class-transformer';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';

export const IMPORT_KINDS = ['seekers', 'firms', 'leave-gaps'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportColumn {
  /** Korean header, exactly as the template writes it. */
  readonly header: string;
  /** The DTO fields the column fills: a rule broken on `skills[2].level` is reported on the column whose field is `skills`. */
  readonly fields: readonly string[];
  readonly required: boolean;
  /** How to fill it, in Korean (the template's 작성 안내 sheet). */
  readonly help: string;
  readonly example: string;
}

/**
 * What one kind of sheet needs to be imported with the API's own rules: its columns, the
 * create DTO a row becomes, and the feature service's create logic run inside the caller's
 * transaction. Implemented next to each feature (seekers, firms, leave gaps).
 */
export interface SheetImporter<Dto extends object = object, Context = unknown> {
  readonly kind: ImportKind;
  /** Korean name of the kind, for file and sheet names. */
  readonly title: string;
  readonly columns: readonly ImportColumn[];
  readonly dto: ClassConstructor<Dto>;
  /** Lookups the rows need (catalogue labels, complexes, firms), read once per sheet. */
  prepare(manager: EntityManager): Promise<Context>;
  /** A row's cells as the JSON body the create endpoint would receive. */
  toBody(cells: Readonly<Record<string, string>>, context: Context): Record<string, unknown>;
  /** What makes two rows, or a row and a stored record, the same one; undefined when a row has nothing to compare. */
  uniqueKey(dto: Dto, cells: Readonly<Record<string, string>>): { header: string; key: string } | undefined;
  /** The keys among `keys` that stored records already have. */
  existingKeys(manager: EntityManager, keys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Writes one valid row with the feature's create logic; throws its domain errors. */
  insert(manager: EntityManager, dto: Dto, principal: Principal, context: Context, cells: Readonly<Record<string, string>>): Promise<void>;
}
