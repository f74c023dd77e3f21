import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** An API problem (RFC 9457) as the service answers it, in the language asked for. */
export interface Problem {
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string; code?: string }[];
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
}

let language: 'ko' | 'en' = 'ko';
export function setApiLanguage(next: 'ko' | 'en'): void {
  language = next;
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith('chaeum_csrf='))
    ?.slice('chaeum_csrf='.length);
}

/** Korean problems, the session cookie, and the double-submit CSRF header on writes. */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', decodeURIComponent(token));
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(sessionMiddleware);

/**
 * The data of an openapi-fetch answer, or an ApiProblem thrown with the service's problem body
 * (a network failure becomes `network.unreachable`).
 */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiProblem({ status: 0, code: 'network.unreachable' });
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as Partial<Problem>;
  const retryAfter = Number(result.response.headers.get('Retry-After'));
  throw new ApiProblem({
    status: result.response.status,
    code: body.code ?? `http.${result.response.status}`,
    detail: body.detail,
    errors: body.errors,
    details: body.details,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
}

/** For endpoints the OpenAPI document does not describe yet (built in parallel): same session rules. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!['GET', 'HEAD'].includes(method)) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = decodeURIComponent(token);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem({ status: 0, code: 'network.unreachable' });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (response.ok) return parsed as T;
  const retryAfter = Number(response.headers.get('Retry-After'));
  throw new ApiProblem({
    status: response.status,
    code: parsed?.code ?? `http.${response.status}`,
    detail: parsed?.detail,
    errors: parsed?.errors,
    details: parsed?.details,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
}
