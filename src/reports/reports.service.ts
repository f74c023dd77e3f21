import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { RuleViolation } from '../common/domain-error';
import type { ReportQuery, ReportResponse } from './dto/report.dto';
import { parseRegionFilter, Region, regionContains, regionLabel } from './region';
import { ReportFactsReader } from './report-facts.reader';
import { figuresOf } from './report-figures';
import { GROUPING_LABELS, groupsOf } from './report-groups';
import { monthsBetween, nextMonth, seoulMonthStart } from './report-period';

/** Longest period one report covers: five programme years. */
export const MAX_REPORT_MONTHS = 60;

/** The programme report: gaps posted in a period, what became of them, grouped one way. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly facts: ReportFactsReader,
    private readonly clock: Clock,
  ) {}

  async outcomes(query: ReportQuery): Promise<ReportResponse> {
    const today = this.clock.today();
    const { from, to } = periodOf(query, today.slice(0, 7));
    const region = query.region === undefined ? null : regionFilterOf(query.region);
    const complexIds = query.complexId && query.complexId.length > 0 ? [...new Set(query.complexId)] : null;
    const facts = await this.facts.read({ postedFrom: seoulMonthStart(from), postedBefore: seoulMonthStart(nextMonth(to)), complexIds, today });
    const selected = region ? facts.filter((gap) => regionContains(region, gap.region)) : facts;
    return {
      from,
      to,
      asOf: today,
      groupBy: query.groupBy,
      groupByLabel: GROUPING_LABELS[query.groupBy],
      complexIds: complexIds ?? [],
      region: region ? regionLabel(region, 'sigungu') : null,
      groups: groupsOf(selected, query.groupBy),
      total: figuresOf(selected),
    };
  }
}

function periodOf(query: ReportQuery, thisMonth: string): { from: string; to: string } {
  const to = query.to ?? thisMonth;
  const from = query.from ?? to;
  if (from > to) throw new RuleViolation('report.period_reversed', 'to', `the period ends (${to}) before it starts (${from})`);
  if (monthsBetween(from, to) > MAX_REPORT_MONTHS) {
    throw new RuleViolation('report.period_too_long', 'from', `a report covers at most ${MAX_REPORT_MONTHS} months`);
  }
  return { from, to };
}

function regionFilterOf(text: string): Region {
  const region = parseRegionFilter(text);
  if (!region) throw new RuleViolation('report.unknown_region', 'region', `"${text}" is not a 시·도, or a 시·도 and its 시·군·구`);
  return region;
}
