import { Button, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SeekerFields, profileBody, type SeekerProfile } from '../../components/SeekerFields';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

export function ProfilePage() {
  const { t, fields } = useI18n();
  const seekerId = useSession().user!.seekerId!;
  const seeker = useLoad(() => must(api.GET('/api/v1/seekers/{id}', { params: { path: { id: seekerId } } })), [seekerId]);
  const [profile, setProfile] = useState<SeekerProfile>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const data = seeker.data;
    if (data)
      setProfile({
        displayName: data.displayName ?? '',
        phone: data.phone ?? '',
        home: data.home,
        commuteMode: data.commuteMode,
        maxCommuteMinutes: data.maxCommuteMinutes,
        skills: data.skills,
        weeklyHours: data.weeklyHours,
        minHourlyWage: data.minHourlyWage,
      });
  }, [seeker.data]);

  async function save() {
    if (!profile) return;
    setSaved(false);
    try {
      await must(api.PATCH('/api/v1/seekers/{id}', { params: { path: { id: seekerId } }, body: profileBody(profile) as never }));
      setError(undefined);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Stack maw={560}>
      <Title order={2}>{t.profileTitle}</Title>
      <ProblemAlert error={seeker.error} />
      {!profile ? <Loader aria-label={t.loading} /> : <SeekerFields value={profile} onChange={setProfile} errors={fields(error)} />}
      <ProblemAlert error={error} />
      {saved ? <div role="status">{t.saved}</div> : null}
      <Button onClick={save} disabled={!profile} style={{ alignSelf: 'flex-start' }}>
        {t.save}
      </Button>
    </Stack>
  );
}
