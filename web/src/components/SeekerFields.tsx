import { Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../i18n/i18n';
import { AddressPicker, type Location } from './AddressPicker';
import { SkillPicker, type Skill } from './SkillPicker';

export interface SeekerProfile {
  displayName: string;
  phone: string;
  home: Location | null;
  commuteMode: 'transit' | 'car' | 'bicycle' | 'walk';
  maxCommuteMinutes: number;
  skills: Skill[];
  weeklyHours: { min: number; max: number };
  minHourlyWage: number | null;
}

export const EMPTY_PROFILE: SeekerProfile = {
  displayName: '',
  phone: '',
  home: null,
  commuteMode: 'transit',
  maxCommuteMinutes: 60,
  skills: [],
  weeklyHours: { min: 15, max: 40 },
  minHourlyWage: null,
};

/** The profile fields a seeker fills in at sign-up and edits later. */
export function SeekerFields({ value, onChange, errors }: { value: SeekerProfile; onChange(value: SeekerProfile): void; errors: Record<string, string> }) {
  const { t, commuteMode } = useI18n();
  const set = <K extends keyof SeekerProfile>(key: K, next: SeekerProfile[K]) => onChange({ ...value, [key]: next });
  return (
    <Stack>
      <TextInput label={t.displayName} required value={value.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} error={errors.displayName} />
      <TextInput label={t.phone} type="tel" required placeholder="010-1234-5678" value={value.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
      <AddressPicker label={t.home} value={value.home} onChange={(home) => set('home', home)} />
      {errors['home'] || errors['home.lat'] || errors['home.lng'] ? (
        <div role="alert" style={{ color: 'var(--mantine-color-red-7)', fontSize: 14 }}>
          {errors['home'] ?? errors['home.lat'] ?? errors['home.lng']}
        </div>
      ) : null}
      <Group grow align="flex-start">
        <Select
          label={t.commuteMode}
          data={(['transit', 'car', 'bicycle', 'walk'] as const).map((mode) => ({ value: mode, label: commuteMode(mode) }))}
          value={value.commuteMode}
          onChange={(mode) => set('commuteMode', (mode ?? 'transit') as SeekerProfile['commuteMode'])}
          allowDeselect={false}
        />
        <NumberInput label={t.maxCommuteMinutes} min={5} max={180} value={value.maxCommuteMinutes} onChange={(n) => set('maxCommuteMinutes', Number(n))} error={errors.maxCommuteMinutes} />
      </Group>
      <SkillPicker label={t.skills} value={value.skills} onChange={(skills) => set('skills', skills)} error={Object.entries(errors).find(([field]) => field.startsWith('skills'))?.[1]} />
      <Group grow align="flex-start">
        <NumberInput label={t.weeklyHoursMin} min={1} max={52} value={value.weeklyHours.min} onChange={(n) => set('weeklyHours', { ...value.weeklyHours, min: Number(n) })} error={errors['weeklyHours.min'] ?? errors.weeklyHours} />
        <NumberInput label={t.weeklyHoursMax} min={1} max={52} value={value.weeklyHours.max} onChange={(n) => set('weeklyHours', { ...value.weeklyHours, max: Number(n) })} error={errors['weeklyHours.max']} />
      </Group>
      <NumberInput
        label={t.minHourlyWage}
        suffix="원"
        thousandSeparator=","
        min={0}
        value={value.minHourlyWage ?? ''}
        onChange={(n) => set('minHourlyWage', n === '' ? null : Number(n))}
        error={errors.minHourlyWage}
      />
    </Stack>
  );
}

/** The body fields of POST/PATCH /seekers for a profile. */
export function profileBody(profile: SeekerProfile) {
  return {
    displayName: profile.displayName,
    phone: profile.phone,
    home: profile.home ?? undefined,
    commuteMode: profile.commuteMode,
    maxCommuteMinutes: profile.maxCommuteMinutes,
    skills: profile.skills.filter((skill) => skill.code),
    weeklyHours: profile.weeklyHours,
    minHourlyWage: profile.minHourlyWage,
  };
}
