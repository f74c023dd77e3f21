import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogKind } from './catalog-kinds';

@Entity('catalog_entries')
export class CatalogEntry {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  kind: CatalogKind;

  @Column('text', { name: 'label_ko' })
  labelKo: string;

  @Column('text', { name: 'label_en' })
  labelEn: string;

  @Column('text', { array: true })
  synonyms: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
