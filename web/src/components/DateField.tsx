import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDate, parseDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * A day typed as Korean users write it (`2027. 3. 2.` or `2027-03-02`); reports the ISO day, or
 * null while the text is not a real day.
 */
export function DateField(props: { label: string; value: string | null; onChange(value: string | null): void; error?: string; required?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState(props.value ? formatDate(props.value) : '');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (props.value && parseDate(text) !== props.value) setText(formatDate(props.value));
  }, [props.value]);
  const parsed = parseDate(text);
  const ownError = touched && text.trim() !== '' && !parsed ? t.invalidDate : undefined;
  return (
    <TextInput
      label={props.label}
      description={t.dateHint}
      placeholder="2027. 3. 2."
      inputMode="numeric"
      required={props.required}
      value={text}
      error={ownError ?? props.error}
      onChange={(event) => {
        setText(event.currentTarget.value);
        props.onChange(parseDate(event.currentTarget.value));
      }}
      onBlur={() => {
        setTouched(true);
        if (parsed) setText(formatDate(parsed));
      }}
    />
  );
}
