import { codeOrLabel } from './cells';

/**
 * '지게차 운전:3, cnc-milling:2' → [{ code: 'forklift', level: 3 }, { code: 'cnc-milling', level: 2 }]:
 * a skill by its catalogue code or Korean label, then its level 1–5. A level that is not a
 * number stays text, and a missing one is absent, for SkillDto's rules to report.
 */
export function cellSkills(text: string, labels: Readonly<Record<string, string>>): { code?: string; level?: number | string }[] | undefined {
  if (text === '') return undefined;
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const separator = item.lastIndexOf(':');
      const name = (separator < 0 ? item : item.slice(0, separator)).trim();
      const level = separator < 0 ? '' : item.slice(separator + 1).trim();
      return { code: codeOrLabel(name, labels), ...(level !== '' && { level: /^\d+$/.test(level) ? Number(level) : level }) };
    });
}

/** Certifications by code or Korean label, comma-separated. */
export function cellCodes(text: string, labels: Readonly<Record<string, string>>): string[] | undefined {
  if (text === '') return undefined;
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => codeOrLabel(item, labels) as string);
}
