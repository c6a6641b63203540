// The System speaks, in a real Chromium: the dashboard's "likely to slip" marker and suggestions, the System Report
// (this week and past ones, its chart, one-tap recommendations, Know Thyself), "Describe your quest" filling the
// form, and the AI opt-in in settings. The shared e2e server has no OpenAI key: everything here is the built-in
// voice. tests/e2e/insights-openai.spec.ts runs a second server against the OpenAI-compatible stand-in.
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL, sessionCookie } from "../support/browser.mjs";
import {
  addDays,
  checkIn,
  client,
  createHunter,
  createQuest,
  getPlayer,
  json,
  setClock,
  type Hunter,
} from "./support/api";

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

async function screenshots(page: Page, screen: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: `test-results/insights/${screen}-${viewport.width}x${viewport.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);
}

async function signIn(page: Page, hunter: Hunter) {
  const cookie = await sessionCookie(E2E_BASE_URL, hunter.email, hunter.password);
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: E2E_BASE_URL };
    }),
  );
}

const WEEKDAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * A Hunter with 15 days of history through the API and the test clock: "Read 20 pages" every day at 07:00,
 * "Meditate" every day except on the weekday of the 16th, the day the test looks at the dashboard.
 */
async function hunterWithHistory(request: Parameters<typeof createHunter>[0]) {
  const hunter = await createHunter(request);
  const api = client(request, hunter);
  const read = await createQuest(api, { title: "Read 20 pages", stats: ["INT"], target: { value: 20, unit: "pages" } });
  const meditate = await createQuest(api, { title: "Meditate", stats: ["PER"] });
  const first = addDays((await getPlayer(api)).today, 1);
  const lookDay = addDays(first, 15);
  const skipped = new Date(`${lookDay}T00:00:00Z`).getUTCDay();
  for (let i = 0; i < 15; i++) {
    const day = addDays(first, i);
    await setClock(api, `${day}T07:00:00Z`);
    await checkIn(api, read.id, { value: 20 });
    if (new Date(`${day}T00:00:00Z`).getUTCDay() !== skipped) await checkIn(api, meditate.id);
  }
  await setClock(api, `${lookDay}T10:00:00Z`);
  return { hunter, api, lookDay, skippedName: WEEKDAY[skipped]! };
}

test("the dashboard marks the daily likely to slip and shows the System's suggestions", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { hunter, api, skippedName } = await hunterWithHistory(request);
  const atRisk = await json<{ dailies: { title: string; level: string; marker: string | null }[] }>(
    await api.get("/api/v1/insights/at-risk"),
    200,
  );
  expect(atRisk.dailies.find((d) => d.title === "Meditate")).toMatchObject({
    level: "high",
    marker: `likely to slip: missed 2 of the last 2 ${skippedName}s`,
  });

  await signIn(page, hunter);
  await page.goto("/dashboard");
  const meditate = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Meditate" }) });
  await expect(meditate.getByTestId("slip-marker")).toHaveText(
    `⚠ likely to slip: missed 2 of the last 2 ${skippedName}s`,
  );
  const read = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Read 20 pages" }) });
  await expect(read.getByTestId("slip-marker")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "The System suggests" })).toBeVisible();
  await screenshots(page, "dashboard");

  // One tap: the weakest stat's starter quest joins today's quests.
  await page.getByRole("button", { name: "Accept quest: 20 push-ups" }).click();
  await expect(page.getByText("[SYSTEM] Quest accepted.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "20 push-ups" })).toBeVisible();
});

test("the System Report: last week's facts and chart, past weeks, recommendations, Know Thyself", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { hunter } = await hunterWithHistory(request);
  await signIn(page, hunter);

  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Report" }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByTestId("report-headline")).toContainText(/\[SYSTEM\] Week \d+ report: \d+ quests completed\./);
  await expect(page.getByTestId("report-text")).toContainText("You completed");
  await expect(page.getByTestId("report-source")).toHaveText("The System's plain voice, from the facts below.");
  await expect(page.getByRole("img", { name: "Completions per day this week" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Meditate/ })).toBeVisible();
  await screenshots(page, "report");

  // Reading it unlocked Know Thyself.
  await page.goto("/achievements");
  await expect(page.getByRole("listitem", { name: "Know Thyself, common, unlocked" })).toBeVisible();

  // This week, under way.
  await page.goto("/report");
  await page.getByRole("link", { name: "This week" }).click();
  await expect(page).toHaveURL(/\/report\?week=\d{4}-W\d{2}$/);
  await expect(page.getByTestId("report-headline")).toContainText("so far");
  await expect(page.getByText(/ · under way$/)).toBeVisible();

  // A week that does not exist for this Hunter is a 404, a malformed one too.
  expect((await page.goto("/report?week=2001-W01"))!.status()).toBe(404);
  expect((await page.goto("/report?week=nope"))!.status()).toBe(404);
});

test("Describe your quest fills the new-quest form for the Hunter to confirm", async ({ page, request }) => {
  const hunter = await createHunter(request);
  await signIn(page, hunter);
  await page.goto("/quests/new");
  await page.getByLabel("In your own words").fill("meditate on weekdays at 7am");
  await page.getByRole("button", { name: "Draft it" }).click();
  await expect(page.getByText("[SYSTEM] The quest is drafted below. Check it, then create it.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Meditate");
  await expect(page.getByLabel("On weekdays")).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "PER" })).toBeChecked();
  await expect(page.getByLabel("Reminder time (optional)")).toHaveValue("07:00");
  await screenshots(page, "describe-quest");
  // Nothing was saved until the Hunter creates it.
  expect((await json<{ quests: unknown[] }>(await client(request, hunter).get("/api/v1/quests"), 200)).quests).toEqual(
    [],
  );
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page).toHaveURL(/\/quests\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { name: "Meditate" })).toBeVisible();

  // What it cannot read it leaves for the Hunter, and says so.
  await page.goto("/quests/new");
  await page.getByLabel("In your own words").fill("do the thing every day");
  await page.getByRole("button", { name: "Draft it" }).click();
  await expect(page.getByText("Still to choose: one or two stats.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Do the thing");
});

test("settings: the AI opt-in is off by default and saved when switched", async ({ page, request }) => {
  const hunter = await createHunter(request);
  await signIn(page, hunter);
  await page.goto("/settings");
  const optIn = page.getByLabel("Let the System speak through OpenAI");
  await expect(optIn).not.toBeChecked();
  await expect(page.getByText("This server has no OpenAI key: the built-in voice answers either way.")).toBeVisible();
  await optIn.check();
  await expect(
    page.getByText("[SYSTEM] Saved. The System will speak through OpenAI once this server has a key."),
  ).toBeVisible();
  expect(await getPlayer(client(request, hunter))).toMatchObject({ aiOptIn: true });
  await page.getByRole("heading", { name: "The System's voice" }).scrollIntoViewIfNeeded();
  await screenshots(page, "settings");
});
