import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsRequest {
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
  readonly body: { to: string; from: string; text: string };
}

export interface SmsStandIn {
  readonly url: string;
  /** Every request, also repeated and refused ones. */
  readonly requests: SmsRequest[];
  /** Messages it sent: one per idempotency key, as a provider that dedupes on the key would. */
  readonly delivered: Map<string, SmsRequest>;
  /** The status to answer new messages with (200 unless a test makes it fail). */
  status: number;
  close(): Promise<void>;
}

/** A loopback stand-in for an SMS/알림톡 provider's HTTP API that dedupes on Idempotency-Key. */
export async function startSmsStandIn(): Promise<SmsStandIn> {
  const state = { url: '', requests: [] as SmsRequest[], delivered: new Map<string, SmsRequest>(), status: 200 } as SmsStandIn;
  const server = createServer(async (request, response) => {
    const received: SmsRequest = {
      idempotencyKey: header(request, 'idempotency-key'),
      authorization: header(request, 'authorization'),
      body: JSON.parse(await bodyOf(request)),
    };
    state.requests.push(received);
    const key = received.idempotencyKey ?? `no-key-${state.requests.length}`;
    if (state.delivered.has(key)) {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'duplicate' }));
      return;
    }
    if (state.status >= 300) {
      response.writeHead(state.status).end();
      return;
    }
    state.delivered.set(key, received);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'accepted' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v1/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
