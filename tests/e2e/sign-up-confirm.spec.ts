// Sign-up with mail configured, end to end: a copy of the built app sends its mail over SMTP (nodemailer) to a local
// SMTP server (smtp-server) that receives it. The form and the API answer a new email and one with an account
// alike; the new email's link creates the account and signs in, the existing email's owner is told instead.
// Accounts that exist already are made on the shared e2e server, which has no mail (and the same database).
import { expect, test, type Page } from "@playwright/test";
import { startInbox, type Inbox } from "../support/smtp-inbox";
import { startAppServer, type AppServer } from "./support/app-server";
import { signUpBody } from "./support/api";
import { newHunter, type Hunter } from "./support/hunter";

let inbox: Inbox;
let app: AppServer;

test.beforeAll(async () => {
  inbox = await startInbox();
  app = await startAppServer({
    SMTP_URL: inbox.url,
    MAIL_FROM: "The System <system@example.com>",
    RATE_LIMITS: JSON.stringify({ signUpIp: { limit: 100, windowSeconds: 60 } }),
  });
});
test.afterAll(async () => {
  await app?.stop();
  await inbox?.close();
});

/** The newest mail to `email`, once `count` have arrived (sign-up replies before its mail goes out). */
async function mailTo(email: string, count = 1) {
  await expect.poll(() => inbox.to(email).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return inbox.to(email).at(-1)!;
}

/** Fills the sign-up form and returns the text of the screen it answers with. */
async function signUpThroughForm(page: Page, hunter: Hunter): Promise<string> {
  await page.goto(`${app.url}/sign-up`);
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();
  await expect(page.getByText("Check your email to finish signing up")).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/sign-up$/);
  return page.locator("main").innerText();
}

test("a new email confirms from the mailed link and plays; an existing one sees the same screen", async ({
  page,
  request,
}) => {
  const hunter = newHunter();
  const screen = await signUpThroughForm(page, hunter);
  expect(screen).toContain("[SYSTEM] Check your email to finish signing up. The link in it works for 24 hours.");

  const mail = await mailTo(hunter.email);
  expect(mail.text).toContain("Subject: [SYSTEM] Confirm your email to awaken");
  const link = /(http:\/\/localhost:\d+\/sign-up\/confirm\?token=[\w-]+)/.exec(mail.text)![1]!;
  // Nothing exists until the link is followed.
  const early = await request.post(`${app.url}/api/v1/tokens`, {
    data: { email: hunter.email, password: hunter.password, name: "x" },
  });
  expect(early.status()).toBe(401);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Finish signing up" })).toBeVisible();
  await expect(page.getByText(hunter.email)).toBeVisible();
  await page.getByLabel("Password").fill("not-what-i-chose-at-all");
  await page.getByRole("button", { name: "Awaken" }).click();
  await expect(page.getByText("That is not the password you chose when signing up")).toBeVisible();
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Awaken" }).click();
  // Signed in and on to the Awakening, as after an immediate sign-up.
  await expect(page).toHaveURL(/\/awakening$/, { timeout: 15_000 });
  expect((await page.request.get(`${app.url}/api/v1/player`)).status()).toBe(200);

  // The link works once.
  const other = await page.context().browser()!.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await expect(again.getByText(/This sign-up link has expired or was already used/)).toBeVisible();

  // The same email signing up again: the very same screen; its owner gets a notice, not a link.
  const before = inbox.to(hunter.email).length;
  const repeat = await signUpThroughForm(again, { ...newHunter(), email: hunter.email });
  expect(repeat).toBe(screen);
  const notice = await mailTo(hunter.email, before + 1);
  expect(notice.text).toContain("Subject: [SYSTEM] Someone tried to sign up with your email");
  expect(notice.text).toContain(`${app.url}/sign-in`);
  expect(notice.text).toContain(`${app.url}/forgot-password`);
  expect(notice.text).not.toContain("token=");
  await other.close();
});

test("the API answers a new email and one with an account byte for byte alike", async ({ request }) => {
  const existing = signUpBody();
  // Made on the shared server, which has no mail: there sign-up is immediate.
  expect((await request.post("/api/v1/accounts", { data: existing })).status()).toBe(201);
  const fresh = signUpBody();

  const replies = [];
  for (const body of [fresh, { ...signUpBody(), email: existing.email }]) {
    const response = await request.post(`${app.url}/api/v1/accounts`, { data: body });
    replies.push({
      status: response.status(),
      type: response.headers()["content-type"],
      body: await response.text(),
    });
  }
  expect(replies[0]).toEqual({
    status: 202,
    type: "application/json",
    body: '{"status":"CONFIRM_EMAIL","message":"Check your email to finish signing up"}',
  });
  expect(replies[1]).toEqual(replies[0]);
  expect((await mailTo(fresh.email)).text).toMatch(/\/sign-up\/confirm\?token=/);
  expect((await mailTo(existing.email)).text).toContain("Someone tried to create an account with this address");

  // What still tells: bad input, and a taken hunter name (names are public on the leaderboard).
  const invalid = await request.post(`${app.url}/api/v1/accounts`, { data: { ...fresh, email: "nope" } });
  expect(invalid.status()).toBe(422);
  const name = await request.post(`${app.url}/api/v1/accounts`, {
    data: { ...signUpBody(), hunterName: existing.hunterName },
  });
  expect(name.status()).toBe(409);
  expect(await name.json()).toEqual({
    error: expect.objectContaining({ code: "CONFLICT", message: "This hunter name is taken" }),
  });
});
