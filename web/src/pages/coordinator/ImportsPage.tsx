import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem, api, must } from '../../api/client';
import type { Schema } from '../../api/lists';
import { DownloadButtons } from '../../components/DownloadButtons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { SheetFileInput, sheetBody } from '../../components/SheetUpload';
import { useI18n } from '../../i18n/i18n';
import { IMPORT_KINDS, IMPORT_TEXT, type ImportKind } from './importLabels';

type Report = Schema<'ImportReport'>;

/** 일괄 등록: template, dry run listing every problem by row and column, then the all-or-none import. */
export function ImportsPage() {
  const { language } = useI18n();
  const text = IMPORT_TEXT[language];
  const [kind, setKind] = useState<ImportKind>('seekers');
  return (
    <Stack>
      <Title order={2}>{text.title}</Title>
      <Text c="dimmed" size="sm">{text.intro}</Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="import-kind">{text.kind}</Text>
        <SegmentedControl aria-labelledby="import-kind" fullWidth value={kind} onChange={(value) => setKind(value as ImportKind)} data={IMPORT_KINDS.map((value) => ({ value, label: text.kinds[value] }))} />
      </Stack>
      <DownloadButtons path={`/api/v1/imports/${kind}/template`} label={text.template} />
      <Text c="dimmed" size="xs">{text.templateHint}</Text>
      {/* A new kind starts a new card: a report of another kind's sheet must not unlock this import. */}
      <ImportCard key={kind} kind={kind} />
    </Stack>
  );
}

function ImportCard({ kind }: { kind: ImportKind }) {
  const { language } = useI18n();
  const text = IMPORT_TEXT[language];
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await must(api.POST('/api/v1/imports/{kind}', { params: { path: { kind }, query: { dryRun } }, ...sheetBody(file) })));
    } catch (caught) {
      // A sheet that changed meaning since its dry run (a concurrent change) comes back with its report.
      const refused = caught instanceof ApiProblem && caught.problem.code === 'import.rows_invalid' ? (caught.problem.details?.report as Report | undefined) : undefined;
      if (refused) setReport(refused);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const cleanDryRun = report?.dryRun === true && report.errorCount === 0;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <SheetFileInput label={text.file} clearLabel={text.clearFile} value={file} onChange={(next) => { setFile(next); setReport(undefined); setError(undefined); }} />
        <Group>
          <Button variant="light" disabled={!file} loading={busy} onClick={() => void send(true)}>{text.check}</Button>
          <Button disabled={!cleanDryRun} loading={busy} onClick={() => void send(false)}>{text.import}</Button>
        </Group>
        {!report && <Text size="xs" c="dimmed">{text.importHint}</Text>}
        {cleanDryRun && <Alert color="blue" role="status">{text.clean(report.rowCount)}</Alert>}
        {report && !report.dryRun && report.errorCount === 0 && <Alert color="green" role="status">{text.written(report.writtenCount)}</Alert>}
        {report && report.errorCount > 0 && <RowProblems report={report} />}
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}

function RowProblems({ report }: { report: Report }) {
  const { language } = useI18n();
  const text = IMPORT_TEXT[language];
  return (
    <Stack gap="xs">
      <Alert color="red" role="alert">{text.problems(report.rowCount, report.validRowCount, report.errorCount)}</Alert>
      <ScrollRegion minWidth={280}>
        <Table striped data-testid="row-problems">
          <Table.Thead>
            <Table.Tr><Table.Th w={56}>{text.row}</Table.Th><Table.Th w="30%">{text.column}</Table.Th><Table.Th>{text.problem}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((item, index) => (
              <Table.Tr key={index}>
                <Table.Td>{item.row}</Table.Td>
                <Table.Td>{item.column ?? '–'}</Table.Td>
                <Table.Td>
                  {withoutColumn(item.message, item.column)}
                  {item.firstRow !== undefined && ` ${text.sameAs(item.firstRow)}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/** `휴대전화: 형식이 올바르지 않습니다.` under the column 휴대전화 reads `형식이 올바르지 않습니다.` */
function withoutColumn(message: string, column: string | null): string {
  return column !== null && message.startsWith(`${column}: `) ? message.slice(column.length + 2) : message;
}
