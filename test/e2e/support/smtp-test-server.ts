import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly raw: string;
  /** The X-Chaeum-Delivery header: event, channel and recipient of the delivery. */
  readonly deliveryKey: string | undefined;
  readonly subject: string | undefined;
}

export interface SmtpTestServer {
  readonly url: string;
  /** Messages the server accepted (answered 250 to), in order. */
  readonly accepted: ReceivedMail[];
  /**
   * Runs before the server answers a message's DATA: throw to refuse it (the client sees a 451),
   * or do something else at that moment (kill the sender).
   */
  beforeAccept?: (mail: ReceivedMail) => void | Promise<void>;
  close(): Promise<void>;
}

/** A local SMTP server (the smtp-server package) on a free loopback port, no auth, no TLS. */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const state: SmtpTestServer = { url: '', accepted: [], close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw,
          deliveryKey: /^X-Chaeum-Delivery: (\S+)/im.exec(raw)?.[1],
          subject: /^Subject: (.+)$/im.exec(raw)?.[1],
        };
        try {
          await state.beforeAccept?.(mail);
        } catch (error) {
          const refusal = Object.assign(new Error(error instanceof Error ? error.message : 'refused'), { responseCode: 451 });
          return callback(refusal);
        }
        state.accepted.push(mail);
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
