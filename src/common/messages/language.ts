import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import accepts from 'accepts';
import type { IncomingMessage } from 'node:http';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Korean when the client prefers it (`Accept-Language: ko`, `ko-KR`); English otherwise. */
export function languageOf(request: Pick<IncomingMessage, 'headers'>): Language {
  return accepts(request as IncomingMessage).language(['en', 'ko']) === 'ko' ? 'ko' : 'en';
}

/** The language the client asked for, for texts a response carries (e.g. unfilled-gap explanations). */
export const RequestLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Language => languageOf(context.switchToHttp().getRequest<IncomingMessage>()),
);
