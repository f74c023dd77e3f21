import { Alert, Badge, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem, api, must } from '../../api/client';
import { complexes, type Schema } from '../../api/lists';
import { DateField } from '../../components/DateField';
import { DownloadButtons, activeFilters } from '../../components/DownloadButtons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { SheetFileInput, sheetBody } from '../../components/SheetUpload';
import { paginationControlLabel } from '../../components/paginationLabels';
import { useLoad } from '../../hooks';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { CHANNEL_LABEL, CLOSING_OUTCOMES, COLUMN_OF_FIELD, CONTACT_CHANNELS, CONTACT_OUTCOMES, OUTCOME_LABEL, OUTREACH_TEXT } from './outreachLabels';

const LEAVE_TYPES = ['maternity', 'parental', 'reduced_hours', 'spouse_maternity', 'other'] as const;
const PAGE_SIZE = 20;

type Entry = Schema<'CallListEntry'>;
type Filters = { registration: string | null; leaveType: string | null; latestOutcome: string | null; complexId: string | null; startsBy: string | null };

export function OutreachPage() {
  const { language } = useI18n();
  const text = OUTREACH_TEXT[language];
  const [filters, setFilters] = useState<Filters>({ registration: null, leaveType: null, latestOutcome: null, complexId: null, startsBy: null });
  const [page, setPage] = useState(1);
  const query = activeFilters(filters);
  const list = useLoad(() => must(api.GET('/api/v1/outreach/call-list', { params: { query: { page, pageSize: PAGE_SIZE, ...query } as never } })), [JSON.stringify(query), page]);
  const change = (key: keyof Filters) => (value: string | null) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  return (
    <Stack>
      <Title order={2}>{text.title}</Title>
      <Text c="dimmed" size="sm">{text.intro}</Text>
      <UploadCard onImported={() => void list.reload()} />
      <Title order={3}>{text.listTitle}</Title>
      <Text c="dimmed" size="sm">{text.listHint}</Text>
      <CallListFilters filters={filters} change={change} />
      <DownloadButtons path="/api/v1/outreach/call-list/export" query={query} label={text.download} />
      <ProblemAlert error={list.error} />
      {list.data && <Text size="sm" aria-live="polite">{text.total(list.data.total)}</Text>}
      {list.data?.items.length === 0 && <Text>{text.empty}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.data?.items.map((entry) => <CallCard key={entry.expectedLeaveId} entry={entry} onRecorded={() => void list.reload()} />)}
      </SimpleGrid>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => paginationControlLabel(control, language)} />
      )}
    </Stack>
  );
}

function UploadCard({ onImported }: { onImported(): void }) {
  const { language, problem } = useI18n();
  const text = OUTREACH_TEXT[language];
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ kind: 'checked' | 'imported'; body: Schema<'ExpectedLeaveImportReport'> }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function send(kind: 'checked' | 'imported') {
    if (!file) return;
    const path = kind === 'checked' ? '/api/v1/outreach/expected-leaves/dry-run' : '/api/v1/outreach/expected-leaves/import';
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const body = await must(api.POST(path, sheetBody(file)));
      setReport({ kind, body });
      if (kind === 'imported') onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fileProblems = error instanceof ApiProblem && error.problem.code === 'outreach.file_invalid' ? (error.problem.errors ?? []) : [];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">{text.uploadTitle}</Title>
        <Text size="sm" c="dimmed">{text.uploadHint}</Text>
        <SheetFileInput label={text.file} clearLabel={text.clearFile} value={file} onChange={(next) => { setFile(next); setReport(undefined); setError(undefined); }} />
        <Group>
          <Button variant="light" disabled={!file} loading={busy} onClick={() => void send('checked')}>{text.check}</Button>
          <Button disabled={!file || report?.kind !== 'checked'} loading={busy} onClick={() => void send('imported')}>{text.import}</Button>
        </Group>
        {report?.kind === 'checked' && (
          <Alert color="blue" role="status">{text.checked(report.body.rowCount, report.body.newCount, report.body.existingCount, report.body.duplicateRowCount)}</Alert>
        )}
        {report?.kind === 'imported' && <Alert color="green" role="status">{text.imported(report.body.newCount, report.body.existingCount)}</Alert>}
        {fileProblems.length > 0 ? (
          <Stack gap="xs">
            <Alert color="red" role="alert">{text.fileErrors(fileProblems.length)}</Alert>
            <ScrollRegion minWidth={320}>
              <Table striped data-testid="file-problems">
                <Table.Thead>
                  <Table.Tr><Table.Th>{text.where}</Table.Th><Table.Th>{text.problem}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {fileProblems.map((item, index) => (
                    <Table.Tr key={index}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{whereIs(item.field, language)}</Table.Td>
                      <Table.Td>{item.message.startsWith(`${item.field}: `) ? item.message.slice(item.field.length + 2) : item.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Stack>
        ) : (
          error !== undefined && <Alert color="red" role="alert">{problem(error)}</Alert>
        )}
      </Stack>
    </Card>
  );
}

/** `rows[5].expectedStart` → `5행 · 시작 예정일`; `columns.성명` → `열 "성명"`. */
function whereIs(field: string, language: 'ko' | 'en'): string {
  const text = OUTREACH_TEXT[language];
  const row = /^rows\[(\d+)\]\.(\w+)$/.exec(field);
  if (row) return `${text.row(row[1])} · ${COLUMN_OF_FIELD[row[2]] ?? row[2]}`;
  if (field.startsWith('columns.')) return text.column(field.slice('columns.'.length));
  return field;
}

function CallListFilters({ filters, change }: { filters: Filters; change(key: keyof Filters): (value: string | null) => void }) {
  const { t, language, leaveType } = useI18n();
  const text = OUTREACH_TEXT[language];
  const complexList = useLoad(complexes, []);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
      <Select label={text.registration} clearable placeholder={t.all} data={[{ value: 'registered', label: text.registered }, { value: 'unregistered', label: text.unregistered }]} value={filters.registration} onChange={change('registration')} />
      <Select label={t.leaveType} clearable placeholder={t.all} data={LEAVE_TYPES.map((code) => ({ value: code, label: leaveType(code) }))} value={filters.leaveType} onChange={change('leaveType')} />
      <Select
        label={text.latestOutcome}
        clearable
        placeholder={t.all}
        data={[{ value: 'none', label: text.neverContacted }, ...CONTACT_OUTCOMES.filter((code) => !CLOSING_OUTCOMES.includes(code)).map((code) => ({ value: code, label: OUTCOME_LABEL[language][code] }))]}
        value={filters.latestOutcome}
        onChange={change('latestOutcome')}
      />
      <Select label={text.complex} clearable placeholder={t.all} data={(complexList.data ?? []).map((complex) => ({ value: complex.id, label: complex.name }))} value={filters.complexId} onChange={change('complexId')} />
      <DateField label={text.startsBy} value={filters.startsBy} onChange={change('startsBy')} />
    </SimpleGrid>
  );
}

function formatBusinessNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

function CallCard({ entry, onRecorded }: { entry: Entry; onRecorded(): void }) {
  const { language, leaveType } = useI18n();
  const text = OUTREACH_TEXT[language];
  const [open, setOpen] = useState(false);
  const name = entry.firm?.name ?? entry.sourceFirmName ?? formatBusinessNumber(entry.businessNumber);
  return (
    <Card withBorder data-testid="call-entry">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{name}</Text>
          <Badge variant="filled" color={entry.firm ? 'teal.9' : 'gray.8'} style={{ flexShrink: 0 }}>{entry.firm ? text.registered : text.unregistered}</Badge>
        </Group>
        <Text size="sm">{text.businessNumber} {formatBusinessNumber(entry.businessNumber)}{entry.complex ? ` · ${entry.complex.name}` : ''}</Text>
        <Group gap="xs">
          <Badge variant="outline">{leaveType(entry.leaveType)}</Badge>
          <Text size="sm">{formatDate(entry.expectedStart)} ~ {formatDate(entry.expectedEnd)}</Text>
          <Text size="sm" fw={600} c={entry.daysUntilStart <= 30 ? 'red.9' : undefined}>{text.dDay(entry.daysUntilStart)}</Text>
        </Group>
        {entry.sourceFirmAddress && <Text size="xs" c="dimmed">{entry.sourceFirmAddress}</Text>}
        <Group gap="xs" justify="space-between">
          <Text size="sm" data-testid="latest-outcome">
            {entry.latestContact
              ? `${OUTCOME_LABEL[language][entry.latestContact.outcome]} · ${CHANNEL_LABEL[language][entry.latestContact.channel]} · ${formatDateTime(entry.latestContact.occurredAt)} (${text.contacts(entry.contactCount)})`
              : text.neverContacted}
          </Text>
          <Button size="compact-sm" variant={open ? 'default' : 'light'} onClick={() => setOpen(!open)} aria-expanded={open}>{text.record}</Button>
        </Group>
        {entry.latestContact?.note && <Text size="xs" c="dimmed">{entry.latestContact.note}</Text>}
        {open && <ContactForm expectedLeaveId={entry.expectedLeaveId} onRecorded={() => { setOpen(false); onRecorded(); }} />}
      </Stack>
    </Card>
  );
}

function ContactForm({ expectedLeaveId, onRecorded }: { expectedLeaveId: string; onRecorded(): void }) {
  const { language } = useI18n();
  const text = OUTREACH_TEXT[language];
  const [channel, setChannel] = useState<string>('phone');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  async function save() {
    try {
      const body = { channel, outcome, ...(note.trim() ? { note: note.trim() } : {}) };
      await must(api.POST('/api/v1/outreach/expected-leaves/{id}/contacts', { params: { path: { id: expectedLeaveId } }, body: body as never }));
      onRecorded();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <Select label={text.channel} allowDeselect={false} data={CONTACT_CHANNELS.map((code) => ({ value: code, label: CHANNEL_LABEL[language][code] }))} value={channel} onChange={(value) => setChannel(value ?? 'phone')} />
        <Select
          label={text.outcome}
          data={CONTACT_OUTCOMES.map((code) => ({ value: code, label: CLOSING_OUTCOMES.includes(code) ? `${OUTCOME_LABEL[language][code]} (${text.closes})` : OUTCOME_LABEL[language][code] }))}
          value={outcome}
          onChange={setOutcome}
        />
      </Group>
      <Textarea label={text.note} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      <Group justify="flex-end">
        <Button size="sm" disabled={!outcome} onClick={() => void save()}>{text.saveContact}</Button>
      </Group>
      <ProblemAlert error={error} />
    </Stack>
  );
}
