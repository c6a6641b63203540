// The System speaks through OpenAI, end to end: a second copy of the built app with OPENAI_BASE_URL pointing at the
// OpenAI-compatible stand-in (tests/support), the real SDK inside the app, a Hunter who opted in. "Describe your
// quest" fills the form with the model's reading, and the tick prepares a weekly report the report screen serves.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { sessionCookie } from "../support/browser.mjs";
import { startOpenAiStandIn } from "../support/openai-stand-in.mjs";
import { MODEL_DRAFT } from "../support/openai-answers";
import { startAppServer, type AppServer } from "./support/app-server";

const CRON = "e2e-openai-cron-secret-0123456789";
let app: AppServer;
let standIn: Awaited<ReturnType<typeof startOpenAiStandIn>>;

test.beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  app = await startAppServer({
    OPENAI_API_KEY: "sk-e2e-stand-in",
    OPENAI_BASE_URL: standIn.url,
    OPENAI_MODEL: "stand-in-model",
    AI_TIMEOUT_MS: "5000",
    CRON_SECRET: CRON,
    TEST_CLOCK: "1",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

const WORDS = {
  headline: "[SYSTEM] Hunter. Your week has been weighed.",
  paragraphs: ["You answered the call to read. The System saw it.", "Your weakest stat waits for you."],
  recommendations: [],
  renames: [{ title: "Read 20 pages", flavour: "Study the Forbidden Tomes" }],
};

test("an opted-in Hunter: the model drafts a quest, the tick writes the weekly report", async ({ page, request }) => {
  test.setTimeout(120_000);
  const id = randomBytes(3).toString("hex");
  const account = {
    email: `ai-${id}@example.com`,
    password: "ai-e2e-password-1",
    hunterName: `Seer ${id}`,
    timeZone: "UTC",
  };
  expect((await request.post(`${app.url}/api/v1/accounts`, { data: account })).status()).toBe(201);
  const { token } = await (
    await request.post(`${app.url}/api/v1/tokens`, {
      data: { email: account.email, password: account.password, name: "e2e" },
    })
  ).json();
  const auth = { Authorization: `Bearer ${token}` };
  const patch = await request.patch(`${app.url}/api/v1/player`, { headers: auth, data: { aiOptIn: true } });
  expect(patch.status()).toBe(200);

  // Describe your quest: the model reads "HARD" where the built-in reader would say NORMAL.
  const cookie = await sessionCookie(app.url, account.email, account.password);
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: app.url };
    }),
  );
  standIn.script([{ json: { ...MODEL_DRAFT, difficulty: "HARD" } }]);
  await page.goto(`${app.url}/quests/new`);
  await page.getByLabel("In your own words").fill("read 20 pages every day");
  await page.getByRole("button", { name: "Draft it" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Read 20 pages");
  await expect(page.getByLabel("Difficulty")).toHaveValue("HARD");
  expect(standIn.requests).toHaveLength(1);
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page).toHaveURL(/\/quests\/(?!new$)[^/]+$/);
  const questId = page.url().split("/").pop()!;
  const checkIn = await request.post(`${app.url}/api/v1/quests/${questId}/check-ins`, {
    headers: auth,
    data: { idempotencyKey: `ai-${id}-1`, value: 20 },
  });
  expect(checkIn.status()).toBe(201);

  // A week later the tick prepares last week's report (other Hunters of the shared database may be due too).
  const { today } = await (await request.get(`${app.url}/api/v1/player`, { headers: auth })).json();
  const nextWeek = new Date(Date.parse(`${today}T09:00:00Z`) + 7 * 86_400_000).toISOString();
  expect((await request.put(`${app.url}/api/v1/test-clock`, { headers: auth, data: { now: nextWeek } })).status()).toBe(
    200,
  );
  standIn.script(Array.from({ length: 20 }, () => ({ json: WORDS })));
  const tick = await request.get(`${app.url}/api/cron/tick`, { headers: { Authorization: `Bearer ${CRON}` } });
  expect(tick.status()).toBe(200);
  expect((await tick.json()).reports.openai).toBeGreaterThanOrEqual(1);
  for (const recorded of standIn.requests) {
    expect(recorded.body).toMatchObject({ store: false });
    for (const secret of [account.email, account.hunterName, token]) expect(recorded.raw).not.toContain(secret);
  }

  await page.goto(`${app.url}/report`);
  await expect(page.getByTestId("report-headline")).toHaveText(WORDS.headline);
  await expect(page.getByTestId("report-source")).toHaveText(
    "Written by the System's voice (OpenAI) from the facts below.",
  );
  const suggestions = await (await request.get(`${app.url}/api/v1/insights/suggestions`, { headers: auth })).json();
  expect(suggestions.source).toBe("openai");
  expect(suggestions.suggestions).toContainEqual(
    expect.objectContaining({ kind: "RENAME", change: { title: "Study the Forbidden Tomes" } }),
  );
});
