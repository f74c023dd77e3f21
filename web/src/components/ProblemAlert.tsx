import { Alert } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

/** An API problem in words, announced to screen readers. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { problem } = useI18n();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="problem">
      {problem(error)}
    </Alert>
  );
}
