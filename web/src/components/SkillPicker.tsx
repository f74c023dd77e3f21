import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useI18n } from '../i18n/i18n';

interface CatalogItem {
  code: string;
  kind: string;
  labelKo: string;
  labelEn: string;
  synonyms: string[];
}
export interface Skill {
  code: string;
  level: number;
}

const LEVELS = ['1', '2', '3', '4', '5'];

/** Skills chosen from the service's catalogue (search by Korean label or synonym), each with a level 1–5. */
export function SkillPicker({ label, value, onChange, error }: { label: string; value: Skill[]; onChange(value: Skill[]): void; error?: string }) {
  const { t, language } = useI18n();
  const [catalog, setCatalog] = useState<CatalogItem[]>([]);
  useEffect(() => {
    call<{ items: CatalogItem[] }>('GET', '/api/v1/catalog?kind=skill')
      .then((answer) => setCatalog(answer.items))
      .catch(() => setCatalog([]));
  }, []);
  const labelOf = (code: string) => {
    const item = catalog.find((entry) => entry.code === code);
    return item ? (language === 'ko' ? item.labelKo : item.labelEn) : code;
  };
  const options = catalog.map((item) => ({ value: item.code, label: `${language === 'ko' ? item.labelKo : item.labelEn} (${item.code})` }));
  const filter = ({ options: all, search }: { options: { value: string; label: string }[]; search: string }) => {
    const needle = search.trim().toLowerCase();
    if (!needle) return all;
    return all.filter((option) => {
      const item = catalog.find((entry) => entry.code === option.value);
      return [option.label, ...(item?.synonyms ?? [])].some((text) => text.toLowerCase().includes(needle));
    });
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.map((skill, index) => (
        <Group key={index} wrap="nowrap" align="flex-end">
          <Select
            label={`${t.skillCode} ${index + 1}`}
            searchable
            data={options.some((option) => option.value === skill.code) || !skill.code ? options : [...options, { value: skill.code, label: labelOf(skill.code) }]}
            filter={filter as never}
            value={skill.code || null}
            onChange={(code) => onChange(value.map((entry, i) => (i === index ? { ...entry, code: code ?? '' } : entry)))}
            style={{ flex: 1 }}
            nothingFoundMessage={language === 'ko' ? '목록에 없습니다' : 'Not in the catalogue'}
          />
          <Select
            label={t.level}
            data={LEVELS}
            w={80}
            value={String(skill.level)}
            onChange={(level) => onChange(value.map((entry, i) => (i === index ? { ...entry, level: Number(level ?? 1) } : entry)))}
          />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`${t.removeWindow} ${labelOf(skill.code)}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Button variant="light" size="xs" onClick={() => onChange([...value, { code: '', level: 2 }])} style={{ alignSelf: 'flex-start' }}>
        {t.addSkill}
      </Button>
    </Stack>
  );
}
