// The dashboard as a Hunter plays it: due quests first, dailies not due apart, habits as counters, to-dos with
// checklists and a done section; targets logged by amount; history that reads true. Screenshots at phone and
// desktop sizes land in test-results/play/.
import { expect, test, type Page } from "@playwright/test";
import { addDays, FROM_THE_APP, json } from "./support/api";
import { signUp } from "./support/hunter";

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

async function create(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", difficulty: "NORMAL", stats: ["STR"], ...body },
  });
  return (await json<{ quest: { id: string } }>(response, 201)).quest;
}

const checkIn = (page: Page, id: string, body: Record<string, unknown> = {}) =>
  page.request.post(`/api/v1/quests/${id}/check-ins`, {
    headers: FROM_THE_APP,
    data: { idempotencyKey: crypto.randomUUID(), ...body },
  });

async function today(page: Page): Promise<string> {
  return (await json<{ today: string }>(await page.request.get("/api/v1/player"), 200)).today;
}

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/play/${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
}

test("the Hunter's day: sections, a target logged by amount, a checklist, habits and to-dos", async ({ page }) => {
  await signUp(page);
  const day = await today(page);
  const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  await create(page, { title: "Walk", target: { value: 10_000, unit: "steps" } });
  await create(page, { title: "Swim", schedule: { type: "WEEKDAYS", days: [(weekday % 7) + 1] } });
  await create(page, { title: "Gym", schedule: { type: "TIMES_PER_WEEK", n: 3 } });
  const water = await create(page, { kind: "HABIT", title: "Water", difficulty: "EASY" });
  await create(page, { kind: "HABIT", title: "Doom-scroll", positive: false, difficulty: "EASY" });
  await create(page, {
    kind: "ONE_TIME",
    title: "Pack the bag",
    stats: [],
    dueDay: addDays(day, 1),
    checklist: [{ text: "passport" }, { text: "charger" }],
  });
  const done = await create(page, { kind: "ONE_TIME", title: "File taxes", stats: [] });
  for (let i = 0; i < 3; i++) await checkIn(page, water.id);
  await checkIn(page, done.id);

  await page.goto("/dashboard");
  const dueToday = page.getByRole("region", { name: "Due today", exact: true });
  await expect(dueToday.getByRole("link", { name: "Walk" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Not due today" })).toContainText("Swim");
  await expect(page.getByRole("region", { name: "Not due today" })).toContainText("not due today");
  await expect(dueToday).toContainText("0/3 this week");
  await expect(page.getByRole("region", { name: "Habits" })).toContainText("3 today");
  await expect(page.getByRole("region", { name: "To-dos" })).toContainText("Checklist 0/2");
  await expect(page.getByRole("region", { name: "Done" })).toContainText("File taxes");

  // A target asks for the amount: 3,000 steps is progress, and the System says so next to the row.
  await page.getByLabel("Walk: how many steps").fill("3000");
  await page.getByRole("button", { name: "Check in Walk" }).click();
  await expect(page.getByRole("status")).toContainText("3,000 / 10,000 steps");
  await expect(dueToday).toContainText("3,000 / 10,000 steps");
  await page.getByLabel("Walk: how many steps").fill("7000");
  await page.getByRole("button", { name: "Check in Walk" }).click();
  await expect(page.getByRole("status")).toContainText("You have defeated 'Walk'");
  await expect(page.getByRole("button", { name: "Check in Walk" })).toHaveText("Done");

  // A slip on a bad habit reads as a loss, in red.
  await page.getByRole("button", { name: "Record a slip: Doom-scroll" }).click();
  await expect(page.getByRole("status")).toContainText("−");

  await page.getByRole("checkbox", { name: "passport" }).check();
  await expect(page.getByRole("region", { name: "To-dos" })).toContainText("Checklist 1/2");
  const stats = page.getByText("What feeds your stats");
  await stats.click();
  await expect(page.getByTestId("stat-source-STR")).toContainText("10 base");
  await shoot(page, "dashboard");

  await page.getByRole("button", { name: "Clear finished to-dos" }).click();
  await expect(page.getByRole("region", { name: "Done" })).toHaveCount(0);

  // History groups the habit's taps into one line with a count, and offers only the Hunter's own days.
  await page.goto("/history");
  await expect(page.getByTestId(`day-${day}`)).toContainText("Water×3");
  await expect(page.getByTestId(`day-${addDays(day, -1)}`)).toHaveCount(0);
  await shoot(page, "history");
});

test("the Penalty Zone asks for quests, not taps, and says how a failure ended", async ({ page }) => {
  await signUp(page);
  const day = await today(page);
  await create(page, { title: "Run" });
  await create(page, { title: "Read" });
  await create(page, { kind: "HABIT", title: "Water" });
  await page.request.put("/api/v1/test-clock", {
    headers: FROM_THE_APP,
    data: { now: `${addDays(day, 2)}T04:00:00Z` },
  });

  await page.goto("/dashboard");
  const zone = page.getByRole("region", { name: /Penalty Zone/ });
  await expect(zone).toContainText("Complete 2 quests to survive: 0 of 2 done");
  await page.getByRole("button", { name: "Check in Water" }).click();
  await expect(page.getByRole("status")).toContainText("held in the Penalty Zone");
  await expect(page.getByTestId("penalty-progress")).toHaveText("0 of 2 done");
  await expect(page.getByRole("button", { name: /Survival Quest/ })).toHaveCount(0);
  await shoot(page, "penalty-zone");

  await page.request.put("/api/v1/test-clock", {
    headers: FROM_THE_APP,
    data: { now: `${addDays(day, 2)}T10:30:00Z` },
  });
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: /Penalty Zone/ })).toHaveCount(0);
  await expect(page.getByTestId("penalty-result")).toContainText("[SYSTEM] You failed to survive.");
  await page.goto("/history");
  await expect(page.getByTestId(`day-${addDays(day, 1)}`)).toContainText("Survival Quest failed");
});

test("after moving east, the dashboard and history agree on yesterday's open dailies", async ({ page }) => {
  await signUp(page);
  await create(page, { title: "Stretch" });
  await create(page, { title: "Plan" });
  const { resetsAt } = await json<{ resetsAt: string }>(await page.request.get("/api/v1/player"), 200);
  // An hour into the next UTC day, then the Hunter flies east: their day moves on, yesterday is still open.
  await page.request.put("/api/v1/test-clock", {
    headers: FROM_THE_APP,
    data: { now: new Date(Date.parse(resetsAt) + 3_600_000).toISOString() },
  });
  expect(
    (await page.request.patch("/api/v1/player", { headers: FROM_THE_APP, data: { timeZone: "Asia/Tokyo" } })).status(),
  ).toBe(200);
  const status = await json<{ yesterday: { openDailies: number; settled: boolean } }>(
    await page.request.get("/api/v1/player"),
    200,
  );

  await page.goto("/dashboard");
  const prompt = page.getByText(/Yesterday still has \d+ open/);
  if (status.yesterday.openDailies > 0) await expect(prompt).toContainText(`${status.yesterday.openDailies} open`);
  else await expect(prompt).toHaveCount(0);
  await page.goto("/history");
  await expect(page.getByRole("button", { name: /^Record .* for yesterday$/ })).toHaveCount(
    status.yesterday.settled ? 0 : status.yesterday.openDailies,
  );
});

test("a Safe Zone shows on the dashboard and nothing is due in it", async ({ page }) => {
  await signUp(page);
  const day = await today(page);
  await create(page, { title: "Run" });
  await page.request.post("/api/v1/rest-periods", {
    headers: FROM_THE_APP,
    data: { startDay: day, endDay: addDays(day, 2) },
  });
  await page.goto("/dashboard");
  await expect(page.getByRole("note")).toContainText("Safe Zone");
  await expect(page.getByRole("region", { name: "Not due today" })).toContainText("Safe Zone: not due");
  await expect(page.getByRole("region", { name: "Due today", exact: true })).toHaveCount(0);
  await shoot(page, "safe-zone");
});
