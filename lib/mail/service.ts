import "server-only";
import { after } from "next/server";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/** Whether mail reaches anyone: only then can sign-up confirm an address by mail (lib/accounts/sign-up.ts). */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Sends a mail over SMTP_URL. Without it, development prints the mail to the server log (so a reset link can be
 * followed on a laptop) and production sends nothing: a link in a production log would be a way in.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (!SMTP_URL) {
    // The whole mail, address and link included, on a developer's own terminal only.
    if (NODE_ENV === "development") logger().info(`[mail] To ${mail.to}: ${mail.subject}\n${mail.text}`);
    else logger().warn("SMTP_URL is not set: a mail was not sent");
    return;
  }
  transport ??= createTransport(SMTP_URL);
  await transport.sendMail({ from: MAIL_FROM, ...mail });
}

/**
 * Sends once the reply has gone (Next's `after`, which serverless hosts keep alive for), so the caller never waits
 * on SMTP and neither the reply's time nor its content tells whether a mail was due or failed: a failure is logged
 * ("A <what> mail was not sent"), never answered. Outside a request (tests, scripts) it just starts.
 */
export function sendMailAfterReply(mail: Mail, what: string): void {
  const send = () =>
    sendMail(mail).catch((error: unknown) => logger().error({ err: error }, `A ${what} mail was not sent`));
  try {
    after(send);
  } catch {
    void send();
  }
}
