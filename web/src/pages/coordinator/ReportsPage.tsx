import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { allPages, seoulToday, type Schema } from '../../api/lists';
import { BarChart } from '../../components/BarChart';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useLoad } from '../../hooks';
import { formatPercent, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

type Figures = Schema<'ReportFiguresResponse'>;
type Grouping = Schema<'ReportResponse'>['groupBy'];

const GROUPINGS: { value: Grouping; ko: string; en: string }[] = [
  { value: 'complex', ko: '산업단지', en: 'Complex' },
  { value: 'sido', ko: '시·도', en: 'Province' },
  { value: 'sigungu', ko: '시·군·구', en: 'District' },
  { value: 'month', ko: '등록 월', en: 'Month posted' },
  { value: 'leaveType', ko: '휴가 종류', en: 'Leave type' },
  { value: 'occupation', ko: '직무(필수 기술)', en: 'Occupation' },
];

const WORDS = {
  ko: {
    from: '시작 월',
    to: '끝 월',
    complexes: '산업단지',
    region: '지역(시·도, 시·군·구)',
    groupBy: '묶음 기준',
    total: '합계',
    posted: '등록',
    filled: '충원',
    unfilled: '미충원',
    cancelled: '취소',
    fillRate: '충원율',
    medianDays: '채용까지 일수(중앙값)',
    referralsPerHire: '채용당 알선',
    retention: '30일 유지율',
    subsidy: '대체인력 지원금',
    fillRateChart: '충원율',
    declinesChart: '거절 사유 (구직자·기업)',
    unfilledChart: '미충원 공백의 주된 제외 사유',
    seeker: '구직자',
    firm: '기업',
    asOf: '기준일',
    csv: 'CSV 내려받기',
    xlsx: 'Excel 내려받기',
    definitions: '각 수치의 정의는 docs/reports.md에 있습니다. 공백은 등록한 달에 집계합니다.',
  },
  en: {
    from: 'From month',
    to: 'To month',
    complexes: 'Complexes',
    region: 'Region',
    groupBy: 'Group by',
    total: 'Total',
    posted: 'Posted',
    filled: 'Filled',
    unfilled: 'Unfilled',
    cancelled: 'Cancelled',
    fillRate: 'Fill rate',
    medianDays: 'Median days to hire',
    referralsPerHire: 'Referrals per hire',
    retention: '30-day retention',
    subsidy: 'Subsidy',
    fillRateChart: 'Fill rate',
    declinesChart: 'Decline reasons (seeker, firm)',
    unfilledChart: 'Unfilled gaps by main excluding rule',
    seeker: 'Seeker',
    firm: 'Firm',
    asOf: 'As of',
    csv: 'Download CSV',
    xlsx: 'Download Excel',
    definitions: 'docs/reports.md defines every figure. Gaps count in the month they were posted.',
  },
};

const fillPercent = (figures: Figures) => formatPercent(figures.gapsFilled, figures.gapsFilled + figures.gapsUnfilled);
const retentionPercent = (figures: Figures) => formatPercent(figures.retention.kept, figures.retention.kept + figures.retention.lost);
const number = (value: number | null) => (value === null ? '–' : value.toLocaleString('ko-KR'));

/** The programme report: filters in the address (a report can be linked), a table, charts and downloads. */
export function ReportsPage() {
  const { language, t } = useI18n();
  const words = WORDS[language];
  const [search, setSearch] = useSearchParams();
  const thisMonth = seoulToday().slice(0, 7);
  const from = search.get('from') ?? thisMonth;
  const to = search.get('to') ?? thisMonth;
  const complexIds = search.getAll('complexId');
  const region = search.get('region') ?? '';
  const groupBy = (search.get('groupBy') ?? 'complex') as Grouping;
  const query = { from, to, groupBy, ...(complexIds.length > 0 ? { complexId: complexIds } : {}), ...(region.trim() ? { region: region.trim() } : {}) };

  const complexes = useLoad(() => allPages((page) => must(api.GET('/api/v1/complexes', { params: { query: { page, pageSize: 100 } } }))), []);
  const report = useLoad(() => must(api.GET('/api/v1/reports/outcomes', { params: { query } })), [from, to, groupBy, complexIds.join(','), region]);

  function change(name: string, values: string[]) {
    const next = new URLSearchParams(search);
    next.delete(name);
    for (const value of values) if (value) next.append(name, value);
    setSearch(next, { replace: true });
  }
  const exportHref = (format: 'csv' | 'xlsx') => {
    const parameters = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) for (const item of [value].flat()) parameters.append(name, item);
    parameters.set('format', format);
    return `/api/v1/reports/outcomes/export?${parameters}`;
  };

  const data = report.data;
  const declines = data ? [...data.total.seekerDeclines.map((c) => ({ ...c, who: words.seeker })), ...data.total.firmDeclines.map((c) => ({ ...c, who: words.firm }))] : [];
  return (
    <Stack>
      <Title order={2}>{t.navReports}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <TextInput type="month" label={words.from} value={from} onChange={(e) => change('from', [e.currentTarget.value])} />
        <TextInput type="month" label={words.to} value={to} onChange={(e) => change('to', [e.currentTarget.value])} />
        <MultiSelect
          label={words.complexes}
          searchable
          clearable
          data={(complexes.data ?? []).map((complex) => ({ value: complex.id, label: complex.name }))}
          value={complexIds}
          onChange={(values) => change('complexId', values)}
        />
        <TextInput label={words.region} placeholder="서울특별시 금천구" defaultValue={region} onBlur={(e) => change('region', [e.currentTarget.value])} />
        <Select
          label={words.groupBy}
          allowDeselect={false}
          data={GROUPINGS.map((grouping) => ({ value: grouping.value, label: grouping[language] }))}
          value={groupBy}
          onChange={(value) => change('groupBy', [value ?? 'complex'])}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Button component="a" variant="light" href={exportHref('csv')} download>
          {words.csv}
        </Button>
        <Button component="a" variant="light" href={exportHref('xlsx')} download>
          {words.xlsx}
        </Button>
        {data ? <Text size="sm" c="dimmed">{`${words.asOf} ${data.asOf}`}</Text> : null}
      </Group>
      <ProblemAlert error={report.error} />
      {data ? (
        <>
          <ScrollRegion minWidth={880}>
            <Table striped data-testid="report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{data.groupByLabel}</Table.Th>
                  <Table.Th>{words.posted}</Table.Th>
                  <Table.Th>{words.filled}</Table.Th>
                  <Table.Th>{words.unfilled}</Table.Th>
                  <Table.Th>{words.cancelled}</Table.Th>
                  <Table.Th>{words.fillRate}</Table.Th>
                  <Table.Th>{words.medianDays}</Table.Th>
                  <Table.Th>{words.referralsPerHire}</Table.Th>
                  <Table.Th>{words.retention}</Table.Th>
                  <Table.Th>{words.subsidy}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.groups.map((group) => (
                  <FigureRow key={group.key} label={group.label} figures={group.figures} />
                ))}
                <FigureRow label={words.total} figures={data.total} strong />
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          <Text size="sm" c="dimmed">
            {words.definitions}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paper withBorder p="sm">
              <BarChart
                testId="fill-rate-chart"
                title={words.fillRateChart}
                max={1}
                bars={data.groups.map((group) => ({ label: group.label, value: group.figures.fillRate ?? 0, text: fillPercent(group.figures) }))}
              />
            </Paper>
            <Paper withBorder p="sm">
              <BarChart title={words.declinesChart} bars={declines.map((c) => ({ label: `${c.who}: ${c.label}`, value: c.count, text: String(c.count) }))} />
            </Paper>
            <Paper withBorder p="sm">
              <BarChart title={words.unfilledChart} bars={data.total.unfilledByRule.map((c) => ({ label: c.label, value: c.count, text: String(c.count) }))} />
            </Paper>
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}

function FigureRow({ label, figures, strong }: { label: string; figures: Figures; strong?: boolean }) {
  const cell = (text: string) => <Table.Td style={strong ? { fontWeight: 700 } : undefined}>{text}</Table.Td>;
  return (
    <Table.Tr>
      {cell(label)}
      {cell(number(figures.gapsPosted))}
      {cell(number(figures.gapsFilled))}
      {cell(number(figures.gapsUnfilled))}
      {cell(number(figures.gapsCancelled))}
      {cell(fillPercent(figures))}
      {cell(number(figures.medianDaysToHire))}
      {cell(number(figures.referralsPerHire))}
      {cell(retentionPercent(figures))}
      {cell(formatWon(figures.subsidy.total))}
    </Table.Tr>
  );
}
