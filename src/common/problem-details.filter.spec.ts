import { ArgumentsHost, BadRequestException, ForbiddenException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, DomainError, NotFoundError, RuleViolation } from './domain-error';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

function hostFor(sent: Sent, url = '/api/v1/firms/42?phone=010'): ArgumentsHost {
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return this;
    },
    send(text: string) {
      sent.body = JSON.parse(text);
    },
  };
  const request = { id: 'req-1', headers: {}, originalUrl: url };
  return {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
}

function send(error: unknown): Sent {
  const sent: Sent = { headers: {} };
  new ProblemDetailsFilter().catch(error, hostFor(sent));
  return sent;
}

describe('ProblemDetailsFilter', () => {
  let errorLog: jest.SpyInstance;

  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => errorLog.mockRestore());

  it('answers a domain validation error with 400, its code and fields, as problem+json', () => {
    const sent = send(new RuleViolation('leave_gap.maternity_too_long', 'leaveEnd', 'maternity leave lasts at most 90 days'));
    expect(sent.status).toBe(400);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sent.body).toEqual({
      type: 'urn:chaeum:problem:leave_gap.maternity_too_long',
      title: 'Bad Request',
      status: 400,
      detail: 'maternity leave lasts at most 90 days',
      instance: '/api/v1/firms/42',
      code: 'leave_gap.maternity_too_long',
      errors: [{ field: 'leaveEnd', code: 'leave_gap.maternity_too_long', message: 'maternity leave lasts at most 90 days' }],
      requestId: 'req-1',
    });
  });

  it.each([
    [new NotFoundError('firm', '42'), 404, 'firm.not_found'],
    [new ConflictError('placement.overlap', 'busy', { placementId: 'p1' }), 409, 'placement.overlap'],
    [new DomainError('forbidden', 'auth.not_owner', 'not yours'), 403, 'auth.not_owner'],
    [new DomainError('unauthorized', 'auth.missing_token', 'log in'), 401, 'auth.missing_token'],
    [new NotFoundException('Cannot GET /x'), 404, 'route.not_found'],
    [new ForbiddenException(), 403, 'auth.forbidden'],
    [new BadRequestException('Validation failed (uuid is expected)'), 400, 'request.invalid'],
  ])('maps %p to %i %s', (error, status, code) => {
    const sent = send(error);
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ status, code, requestId: 'req-1' });
  });

  it('passes a conflict’s details on to the client', () => {
    expect(send(new ConflictError('placement.overlap', 'busy', { placementId: 'p1' })).body?.details).toEqual({ placementId: 'p1' });
  });

  it('hides everything about an unexpected error but the request id, and logs it', () => {
    const sent = send(new TypeError('cannot read phone of undefined'));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual(expect.objectContaining({ code: 'internal', requestId: 'req-1' }));
    expect(JSON.stringify(sent.body)).not.toContain('phone');
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('req-1'), expect.any(String));
  });

  it('never logs the message or detail of an unmapped database error', () => {
    const driverError = Object.assign(new Error('value 010-1234-5678 too long'), { code: 'XX000', detail: 'Key (phone)=(010-1234-5678)' });
    const sent = send(new QueryFailedError('INSERT INTO seeker (phone) VALUES ($1)', ['010-1234-5678'], driverError));
    expect(sent.status).toBe(500);
    const logged = JSON.stringify(errorLog.mock.calls);
    expect(logged).toContain('XX000');
    expect(logged).not.toContain('010-1234-5678');
    expect(JSON.stringify(sent.body)).not.toContain('010-1234-5678');
  });
});
