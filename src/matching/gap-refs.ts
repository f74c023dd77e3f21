import type { EntityManager } from 'typeorm';
import type { GapRef, SeekerRef } from './dto/run-results.dto';

export interface GapRefRow {
  id: string;
  role_title: string;
  firm_id: string;
  firm_name: string;
  placement_start: string;
  placement_end: string;
  vacancy_weekly_hours: number;
}

export function toGapRef(row: GapRefRow): GapRef {
  return {
    id: row.id,
    roleTitle: row.role_title,
    firm: { id: row.firm_id, name: row.firm_name },
    period: { start: row.placement_start, end: row.placement_end },
    weeklyHours: row.vacancy_weekly_hours,
  };
}

/** Role, firm and period of gaps, by id, in one query. */
export async function gapRefs(manager: EntityManager, gapIds: readonly string[]): Promise<Map<string, GapRef>> {
  const rows: GapRefRow[] = await manager.query(
    `SELECT g.id, g.role_title, g.firm_id, f.name AS firm_name, g.placement_start, g.placement_end, g.vacancy_weekly_hours
     FROM leave_gaps g JOIN firms f ON f.id = g.firm_id WHERE g.id = ANY($1::uuid[])`,
    [[...new Set(gapIds)]],
  );
  return new Map(rows.map((row) => [row.id, toGapRef(row)]));
}

/** Seekers' display names, by id, in one query. */
export async function seekerRefs(manager: EntityManager, seekerIds: readonly string[]): Promise<Map<string, SeekerRef>> {
  const rows: { id: string; display_name: string }[] = await manager.query(
    `SELECT id, display_name FROM seekers WHERE id = ANY($1::uuid[])`,
    [[...new Set(seekerIds)]],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
}
