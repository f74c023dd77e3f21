import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConflictError, DomainError } from '../common/domain-error';
import { containsPattern } from '../common/search-text';
import { CatalogEntry } from './catalog-entry.entity';
import type { CatalogKind, CodeReference } from './catalog-kinds';
import {
  CatalogEntryResponse,
  CatalogListResponse,
  CatalogQuery,
  CreateCatalogEntryDto,
  toCatalogEntryResponse,
} from './dto/catalog.dto';
import { nearestCodes } from './suggestions';

const MAX_LISTED = 200;


/** Owner of the catalogue: codes that seekers' skills and gaps' requirements may name. */
@Injectable()
export class CatalogService {
  constructor(@InjectRepository(CatalogEntry) private readonly entries: Repository<CatalogEntry>) {}

  async list(query: CatalogQuery): Promise<CatalogListResponse> {
    const builder = this.entries.createQueryBuilder('entry');
    if (query.kind !== undefined) builder.andWhere('entry.kind = :kind', { kind: query.kind });
    if (query.q) {
      builder.andWhere(
        `(entry.code ILIKE :pattern OR entry.label_ko ILIKE :pattern OR entry.label_en ILIKE :pattern
          OR array_to_string(entry.synonyms, ' ') ILIKE :pattern)`,
        { pattern: containsPattern(query.q) },
      );
      // Exact code or label first, then alphabetical.
      builder.addOrderBy(`CASE WHEN entry.code = :exact OR entry.label_ko = :exact THEN 0 ELSE 1 END`).setParameter('exact', query.q);
    }
    const rows = await builder.addOrderBy('entry.kind').addOrderBy('entry.code').limit(MAX_LISTED).getMany();
    return { items: rows.map(toCatalogEntryResponse) };
  }

  /** Codes whose code, label or synonym contains `text`: what a list search for a skill's name reaches. */
  async codesMatching(text: string): Promise<string[]> {
    const rows: { code: string }[] = await this.entries.query(
      `SELECT code FROM catalog_entries
        WHERE code ILIKE $1 OR label_ko ILIKE $1 OR label_en ILIKE $1 OR array_to_string(synonyms, ' ') ILIKE $1`,
      [containsPattern(text)],
    );
    return rows.map((row) => row.code);
  }

  /** Korean label by code for one kind: a sheet may name a skill by either. */
  async labelsOf(kind: CatalogKind, manager: EntityManager = this.entries.manager): Promise<Record<string, string>> {
    const rows: { code: string; label_ko: string }[] = await manager.query(`SELECT code, label_ko FROM catalog_entries WHERE kind = $1`, [kind]);
    return Object.fromEntries(rows.map((row) => [row.code, row.label_ko]));
  }

  async create(dto: CreateCatalogEntryDto): Promise<CatalogEntryResponse> {
    const inserted: CatalogEntry[] = await this.entries
      .createQueryBuilder()
      .insert()
      .values({ code: dto.code, kind: dto.kind, labelKo: dto.labelKo, labelEn: dto.labelEn, synonyms: dto.synonyms ?? [] })
      .orIgnore()
      .returning('*')
      .execute()
      .then((result) => result.raw);
    if (inserted.length === 0) {
      throw new ConflictError('catalog.duplicate_code', `the catalogue already has the code ${dto.code}`, { code: dto.code });
    }
    return toCatalogEntryResponse((await this.entries.findOneByOrFail({ code: dto.code })));
  }

  /**
   * Refuses (400 `catalog.unknown_code`) codes that are not in the catalogue as that kind,
   * naming each offending field with the nearest codes as `details.suggestions[field]`.
   */
  async assertKnown(references: readonly CodeReference[], manager: EntityManager = this.entries.manager): Promise<void> {
    if (references.length === 0) return;
    const codes = [...new Set(references.map((reference) => reference.code))];
    const known: { code: string; kind: CatalogKind }[] = await manager.query(
      `SELECT code, kind FROM catalog_entries WHERE code = ANY($1)`,
      [codes],
    );
    const unknown = references.filter((reference) => !known.some((entry) => entry.code === reference.code && entry.kind === reference.kind));
    if (unknown.length === 0) return;
    const suggestions: Record<string, string[]> = {};
    for (const kind of new Set(unknown.map((reference) => reference.kind))) {
      const candidates = await manager.find(CatalogEntry, { where: { kind }, select: { code: true, labelKo: true, labelEn: true, synonyms: true } });
      for (const reference of unknown.filter((item) => item.kind === kind)) suggestions[reference.field] = nearestCodes(reference.code, candidates);
    }
    throw new DomainError(
      'validation',
      'catalog.unknown_code',
      `not in the catalogue: ${unknown.map((reference) => `${reference.field} (${reference.code})`).join(', ')}`,
      unknown.map((reference) => ({
        field: reference.field,
        code: 'catalog.unknown_code',
        message: `${reference.code} is not a catalogued ${reference.kind} code`,
      })),
      { suggestions },
    );
  }
}
