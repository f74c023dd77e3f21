import { Alert, Badge, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../api/client';
import { complexes, firms } from '../../api/lists';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';

/** 123-45-67890, the way a 사업자등록번호 is written on paper. */
function writtenBusinessNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : digits;
}

interface FirmForm {
  name: string;
  businessNumber: string;
  employeeCount: number | '';
  prioritySupport: boolean;
  complexId: string | null;
  address: string;
}

const EMPTY_FIRM: FirmForm = { name: '', businessNumber: '', employeeCount: '', prioritySupport: true, complexId: null, address: '' };

/** The coordinator's list of participating firms, and registering one (the address is geocoded by the service). */
export function FirmsPage() {
  const { t, fields, status } = useI18n();
  const firmList = useLoad(firms, []);
  const complexList = useLoad(complexes, []);
  const [form, setForm] = useState<FirmForm>(EMPTY_FIRM);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<string>();
  const fieldErrors = fields(error);
  const set = <K extends keyof FirmForm>(key: K, value: FirmForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const complexName = new Map((complexList.data ?? []).map((complex) => [complex.id, complex.name]));

  async function register(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const body = { ...form, employeeCount: form.employeeCount === '' ? undefined : form.employeeCount, complexId: form.complexId ?? undefined };
      const firm = await must(api.POST('/api/v1/firms', { body: body as never }));
      setRegistered(firm.name);
      setForm(EMPTY_FIRM);
      setError(undefined);
      await firmList.reload();
    } catch (caught) {
      setError(caught);
      setRegistered(undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={2}>{t.firmsTitle}</Title>
      <form onSubmit={register} noValidate aria-labelledby="register-firm">
        <Stack maw={560}>
          <Title order={3} size="h4" id="register-firm">
            {t.registerFirm}
          </Title>
          <TextInput label={t.firmName} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldErrors.name} />
          <TextInput
            label={t.businessNumber}
            required
            placeholder="123-45-67890"
            inputMode="numeric"
            value={form.businessNumber}
            onChange={(e) => set('businessNumber', e.currentTarget.value)}
            error={fieldErrors.businessNumber}
          />
          <Group grow align="flex-start">
            <NumberInput label={t.employeeCount} required min={1} value={form.employeeCount} onChange={(n) => set('employeeCount', n === '' ? '' : Number(n))} error={fieldErrors.employeeCount} />
            <Select
              label={t.complex}
              required
              data={(complexList.data ?? []).map((complex) => ({ value: complex.id, label: complex.name }))}
              value={form.complexId}
              onChange={(id) => set('complexId', id)}
              error={fieldErrors.complexId}
            />
          </Group>
          <TextInput label={t.firmAddress} required placeholder="예: 서울 금천구 가산동 또는 경북 구미시 공단1동" value={form.address} onChange={(e) => set('address', e.currentTarget.value)} error={fieldErrors.address ?? fieldErrors.site} />
          <Checkbox label={t.prioritySupport} checked={form.prioritySupport} onChange={(e) => set('prioritySupport', e.currentTarget.checked)} />
          <ProblemAlert error={error} />
          {registered ? (
            <Alert color="green" role="status">
              {registered} · {t.saved}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t.registerFirm}
          </Button>
        </Stack>
      </form>
      <ProblemAlert error={firmList.error ?? complexList.error} />
      <ScrollRegion minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.firmName}</Table.Th>
              <Table.Th>{t.businessNumber}</Table.Th>
              <Table.Th>{t.complex}</Table.Th>
              <Table.Th>{t.employeeCount}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(firmList.data ?? []).map((firm) => (
              <Table.Tr key={firm.id}>
                <Table.Td>
                  {firm.name}
                  {firm.prioritySupport ? (
                    <Badge ml="xs" size="xs" variant="light">
                      {t.prioritySupportShort}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{writtenBusinessNumber(firm.businessNumber)}</Table.Td>
                <Table.Td>{complexName.get(firm.complexId) ?? ''}</Table.Td>
                <Table.Td>{firm.employeeCount}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{status(firm.status)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
