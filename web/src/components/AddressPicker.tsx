import { Button, Group, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ProblemAlert } from './ProblemAlert';

interface GeocodeItem {
  label: string;
  sigungu: string;
  eupmyeondong: string;
  lat: number;
  lng: number;
  source: string;
}
export interface Location {
  lat: number;
  lng: number;
}

/** A Korean address turned into coordinates by the service's geocoder; the coordinates stay editable. */
export function AddressPicker({ label, value, onChange }: { label: string; value: Location | null; onChange(value: Location | null): void }) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<GeocodeItem[] | undefined>();
  const [error, setError] = useState<unknown>();

  async function find() {
    setError(undefined);
    try {
      const answer = await call<{ items: GeocodeItem[] }>('GET', `/api/v1/geocode?q=${encodeURIComponent(query)}`);
      setItems(answer.items);
      if (answer.items[0]) onChange({ lat: answer.items[0].lat, lng: answer.items[0].lng });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          placeholder={t.addressPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="light" onClick={find} disabled={!query.trim()}>
          {t.addressSearch}
        </Button>
      </Group>
      <ProblemAlert error={error} />
      {items && items.length === 0 ? <Text size="sm">{language === 'ko' ? '일치하는 주소가 없습니다. 시·군·구와 읍·면·동으로 찾아보세요.' : 'No match. Try the district and neighbourhood.'}</Text> : null}
      {items && items.length > 1 ? (
        <Radio.Group
          label={language === 'ko' ? '검색 결과' : 'Results'}
          value={value ? `${value.lat},${value.lng}` : ''}
          onChange={(picked) => {
            const [lat, lng] = picked.split(',').map(Number);
            onChange({ lat, lng });
          }}
        >
          <Stack gap={4} mt={4}>
            {items.slice(0, 5).map((item) => (
              <Radio key={`${item.lat},${item.lng},${item.label}`} value={`${item.lat},${item.lng}`} label={item.label} />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
      <Group grow>
        <NumberInput label={t.latitude} decimalScale={5} value={value?.lat ?? ''} onChange={(lat) => onChange({ lat: Number(lat), lng: value?.lng ?? 0 })} />
        <NumberInput label={t.longitude} decimalScale={5} value={value?.lng ?? ''} onChange={(lng) => onChange({ lat: value?.lat ?? 0, lng: Number(lng) })} />
      </Group>
    </Stack>
  );
}
