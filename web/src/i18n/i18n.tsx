import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { problemMessage, fieldMessages } from './problems';
import { COMMUTE_MODE_LABEL, FEASIBILITY_RULE_LABEL, LEAVE_TYPE_LABEL, MESSAGES, SCORE_PART_LABEL, STATUS_LABEL, type Language, type Messages } from './messages';

interface I18n {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
  leaveType(code: string): string;
  status(code: string): string;
  scorePart(code: string): string;
  rule(code: string): string;
  commuteMode(code: string): string;
  problem(error: unknown): string;
  fields(error: unknown): Record<string, string>;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'chaeum.language';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko'));
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
    setApiLanguage(language);
  }, [language]);
  setApiLanguage(language);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: MESSAGES[language],
      setLanguage,
      leaveType: (code) => LEAVE_TYPE_LABEL[language][code] ?? code,
      status: (code) => STATUS_LABEL[language][code] ?? code,
      scorePart: (code) => SCORE_PART_LABEL[language][code] ?? code,
      rule: (code) => FEASIBILITY_RULE_LABEL[language][code] ?? code,
      commuteMode: (code) => COMMUTE_MODE_LABEL[language][code] ?? code,
      problem: (error) => problemMessage(error, language),
      fields: (error) => fieldMessages(error, language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
