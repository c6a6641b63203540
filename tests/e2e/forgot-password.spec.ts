// Forgot password end to end: the reset mail is really sent over SMTP (nodemailer) to a local SMTP server
// (smtp-server) that receives it; its link sets a new password once and signs every session out.
import { SMTPServer } from "smtp-server";
import { expect, test } from "@playwright/test";
import { freePort, startAppServer, type AppServer } from "./support/app-server";
import { signUpBody } from "./support/api";

type Received = { to: string[]; raw: string };

let smtp: SMTPServer;
let app: AppServer;
const inbox: Received[] = [];

test.beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  app = await startAppServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "The System <system@example.com>" });
});
test.afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The reset link in the newest mail to `email` (quoted-printable soft breaks undone). */
async function resetLink(email: string): Promise<string> {
  await expect.poll(() => inbox.filter((m) => m.to.includes(email)).length, { timeout: 10_000 }).toBeGreaterThan(0);
  const mail = inbox.filter((m) => m.to.includes(email)).at(-1)!;
  const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  return /(http:\/\/localhost:\d+\/reset-password\?token=[\w-]+)/.exec(text)![1]!;
}

test("a reset link by email sets a new password once and ends every session", async ({ page, browser, request }) => {
  const account = signUpBody();
  // Made on the shared e2e server, which has no mail, so sign-up there is immediate (same database as this copy,
  // whose sign-up would mail a link first: tests/e2e/sign-up-confirm.spec.ts).
  expect((await request.post("/api/v1/accounts", { data: account })).status()).toBe(201);
  // A browser that stays signed in elsewhere: the reset signs it out.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(`${app.url}/sign-in`);
  await elsewhere.getByLabel("Email").fill(account.email);
  await elsewhere.getByLabel("Password").fill(account.password);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere).not.toHaveURL(/sign-in/);
  expect((await elsewhere.request.get(`${app.url}/api/v1/player`)).status()).toBe(200);

  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot password" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If a Hunter uses that email, a reset link is on its way/)).toBeVisible();
  const link = await resetLink(account.email);
  expect(inbox.at(-1)!.raw).toContain("Subject: [SYSTEM] Reset your password");

  // An email with no account gets the very same reply, and no mail.
  const before = inbox.length;
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If a Hunter uses that email, a reset link is on its way/)).toBeVisible();

  await page.goto(link);
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  const fresh = "a-brand-new-secret-phrase";
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("[SYSTEM] Password changed. Every session was signed out.")).toBeVisible();
  expect(inbox.length).toBe(before);

  expect((await elsewhere.request.get(`${app.url}/api/v1/player`)).status()).toBe(401);
  await other.close();
  const signIn = (password: string) =>
    request.post(`${app.url}/api/v1/tokens`, { data: { email: account.email, password, name: "x" } });
  expect((await signIn(account.password)).status()).toBe(401);
  expect((await signIn(fresh)).status()).toBe(201);

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet-another-long-phrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/expired or was already used/)).toBeVisible();
});
