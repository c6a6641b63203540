// A real SMTP receiver (smtp-server) on a free local port, keeping every mail it accepts, for tests that read the
// mail the app really sent over SMTP_URL. `refuse` names recipients it answers 550, as a mail server may.
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; text: string };
export type Inbox = {
  url: string;
  mails: ReceivedMail[];
  /** The mails to `address` so far, oldest first. */
  to: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** A mail's raw text with quoted-printable soft breaks and `=3D` undone, so links read whole. */
export const readable = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

export async function startInbox(options: { refuse?: (address: string) => boolean } = {}): Promise<Inbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (!options.refuse?.(address.address)) return callback();
      callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString();
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: readable(raw) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((mail) => mail.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
