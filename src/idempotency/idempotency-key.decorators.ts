import { Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** Lower case, as Express hands headers over, so the OpenAPI document shows it as optional. */
const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Documents the optional Idempotency-Key of a create: a retry with the same key gets the first answer. */
export const ApiIdempotencyKey = (description = 'a retry with the same key gets the first answer'): MethodDecorator =>
  ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description });

/** The request's Idempotency-Key, when it sent one. */
export const IdempotencyKey = (): ParameterDecorator => Headers(IDEMPOTENCY_KEY_HEADER);
