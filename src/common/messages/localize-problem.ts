import type { FieldProblem } from '../domain-error';
import type { Problem } from '../problem-details';
import { ERROR_MESSAGES, Message, STATUS_MESSAGES, VALIDATION_RULE_MESSAGES } from './error-messages';
import type { Language } from './language';


/**
 * The problem in the client's language. English keeps the thrown texts (they name limits and
 * values); Korean takes the catalogue's message for the problem's code and for each field's rule.
 */
export function localizeProblem(problem: Problem, language: Language): Problem {
  if (language === 'en') return problem;
  const errors = problem.errors?.map(koreanFieldProblem);
  return { ...problem, detail: koreanDetail(problem), ...(errors && { errors }) };
}

export function messageFor(code: string, status?: number): Message | undefined {
  return ERROR_MESSAGES[code] ?? (status === undefined ? undefined : STATUS_MESSAGES[status]);
}

function koreanDetail(problem: Problem): string {
  // Several broken domain rules (the leave law answers all at once): say each of them.
  const domainCodes = [...new Set((problem.errors ?? []).map((error) => error.code).filter((code) => ERROR_MESSAGES[code]))];
  if (domainCodes.length > 1) return domainCodes.map((code) => ERROR_MESSAGES[code].ko).join(' ');
  return messageFor(problem.code, problem.status)?.ko ?? problem.detail;
}

/** One field problem in the client's language (a sheet import reports each row's problems with it). */
export function localizeFieldProblem(error: FieldProblem, language: Language): FieldProblem {
  return language === 'en' ? error : koreanFieldProblem(error);
}

function koreanFieldProblem(error: FieldProblem): FieldProblem {
  const rule = VALIDATION_RULE_MESSAGES[error.code];
  if (rule) return { ...error, message: fill(rule.ko, error) };
  const domain = ERROR_MESSAGES[error.code];
  return domain ? { ...error, message: domain.ko } : error;
}

/** `{field}` is the path; `{limit}` the number the English rule text names (e.g. "must not be greater than 5"). */
function fill(template: string, error: FieldProblem): string {
  const limit = /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(error.message)?.[1] ?? '';
  return template.replace('{field}', error.field).replace('{limit}', limit);
}
