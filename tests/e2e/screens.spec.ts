// The Hunter's screens other than the dashboard: each renders, its main action works, and a bad input is reported
// next to the field while the input is kept.
import { expect, test, type Page } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { newHunter, type Hunter } from "./support/hunter";

/** Signs a Hunter up; the dashboard may send a Hunter who has not awakened on to /awakening. */
async function signUp(page: Page, hunter: Hunter = newHunter()): Promise<Hunter> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();
  await expect(page).toHaveURL(/\/(dashboard|awakening)$/);
  return hunter;
}

async function createDaily(page: Page, title: string): Promise<string> {
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title, difficulty: "NORMAL", stats: ["STR"] },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).quest.id;
}

test("Awakening: name, zone and a Job Change with edited starter dailies", async ({ page }) => {
  const hunter = await signUp(page);
  await page.goto("/awakening");
  await expect(page.getByLabel("Hunter name")).toHaveValue(hunter.name);
  await expect(page.getByLabel("Time zone")).not.toHaveValue("");

  await page.getByLabel("Hunter name").fill("x");
  await page.getByLabel("Mage (INT/PER)").check();
  await expect(page.getByLabel("Daily 1 title")).toHaveValue("Read 20 pages");
  await page.getByLabel("Daily 1 title").fill("Read 30 pages");
  await page.getByLabel("Daily 1 difficulty").selectOption("HARD");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Hunter name must be at least 3 characters")).toBeVisible();
  await expect(page.getByLabel("Hunter name")).toHaveValue("x");
  await expect(page.getByLabel("Hunter name")).toHaveAttribute("aria-describedby", "hunterName-error");
  await expect(page.getByLabel("Daily 1 title")).toHaveValue("Read 30 pages");

  await page.getByLabel("Hunter name").fill(`${hunter.name} II`);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("awakening-reward")).toContainText("The Awakened");
  await page.getByRole("link", { name: "Enter the System" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const player = await (await page.request.get("/api/v1/player")).json();
  expect(player).toMatchObject({ hunterName: `${hunter.name} II`, job: "MAGE", awakened: true });
  expect(player.quests.map((q: { title: string }) => q.title)).toContain("Read 30 pages");
  await page.goto("/awakening");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("Quest editor: create with a schedule, fix an error, edit and archive", async ({ page }) => {
  await signUp(page);
  await page.goto("/quests/new");
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page.getByText("Title is required")).toBeVisible();
  await expect(page.getByText("Tag one or two stats")).toBeVisible();
  // Focus lands on the first field to fix.
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();

  await page.getByLabel("Title", { exact: true }).fill("Evening Walk");
  await page.getByLabel("AGI").check();
  await page.getByLabel("Every N days").check();
  await page.getByLabel("Every how many days").fill("1");
  await page.getByLabel("Reminder time (optional)").fill("19:30");
  // A time is typed on the 24-hour clock and read as HH:MM when the field is left.
  await page.getByLabel("Second reminder (optional)").fill("7:05");
  await page.getByLabel("Second reminder (optional)").blur();
  await expect(page.getByLabel("Second reminder (optional)")).toHaveValue("07:05");
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page.getByLabel("Every how many days")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Every how many days")).toHaveValue("1");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Evening Walk");

  await page.getByLabel("Every how many days").fill("3");
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page).toHaveURL(/\/quests\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Evening Walk" })).toBeVisible();
  await expect(page.getByText(/^Every 3 days from \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(page.getByText("19:30")).toBeVisible();
  await expect(page.getByText("07:05, 19:30", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Edit quest" }).click();
  await expect(page.getByLabel("Every how many days")).toHaveValue("3");
  await page.getByLabel("Title", { exact: true }).fill("Night Walk");
  await page.getByLabel("Difficulty").selectOption("HARD");
  await page.getByRole("button", { name: "Save quest" }).click();
  await expect(page.getByRole("heading", { name: "Night Walk" })).toBeVisible();
  await expect(page.getByText("Hard", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Edit quest" }).click();
  await page.getByRole("button", { name: "Archive quest" }).click();
  await page.getByRole("button", { name: "Yes, archive" }).click();
  await expect(page).toHaveURL(/\/dashboard$|\/awakening$/);
  const quests = await (await page.request.get("/api/v1/quests?archived=true")).json();
  expect(quests.quests).toEqual([expect.objectContaining({ title: "Night Walk", archived: true })]);
});

test("Quest detail: heatmap and strength with their text alternatives", async ({ page }) => {
  await signUp(page);
  const id = await createDaily(page, "Push-ups");
  await page.request.post(`/api/v1/quests/${id}/check-ins`, {
    headers: FROM_THE_APP,
    data: { idempotencyKey: crypto.randomUUID() },
  });
  await page.goto(`/quests/${id}`);
  await expect(page.getByRole("heading", { name: "Push-ups" })).toBeVisible();
  await expect(page.getByTestId("heatmap-summary")).toHaveText("1 check-in on 1 day in the last 12 months");
  await expect(page.getByRole("img", { name: /Completions of Push-ups/ })).toBeVisible();
  await expect(page.getByTestId("strength-summary")).toContainText("No strength yet");
  await expect(page.getByTestId("quest-streak")).toHaveText("0");

  const missing = await page.goto("/quests/not-a-quest");
  expect(missing?.status()).toBe(404);
});

test("History: record yesterday, settle it, then backfill", async ({ page }) => {
  await signUp(page);
  await createDaily(page, "Stretch");
  const status = await (await page.request.get("/api/v1/player")).json();
  const yesterday = status.today as string;
  // An hour into the next day: yesterday is still open (the grace window is 3 hours).
  const next = new Date(Date.parse(status.resetsAt) + 3_600_000).toISOString();
  expect((await page.request.put("/api/v1/test-clock", { headers: FROM_THE_APP, data: { now: next } })).status()).toBe(
    200,
  );

  await page.goto("/history");
  await expect(page.getByText(`${yesterday} is still open`)).toBeVisible();
  await page.getByRole("button", { name: "Record Stretch for yesterday" }).click();
  await expect(page.getByRole("status").filter({ hasText: "recorded" })).toHaveText(
    `[SYSTEM] 'Stretch' recorded for ${yesterday}. +100 XP.`,
  );

  await page.getByRole("button", { name: "Yesterday is done" }).click();
  await expect(page.getByTestId(`day-${yesterday}`)).toContainText("Cleared");

  await page.getByLabel("Day", { exact: true }).selectOption(yesterday);
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await expect(page.getByText("Pick a quest")).toBeVisible();
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue(yesterday);

  await page.getByLabel("Quest", { exact: true }).selectOption({ label: "Stretch" });
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "backfilled" })).toHaveText(
    `[SYSTEM] 'Stretch' backfilled (no XP) for ${yesterday}.`,
  );
  await expect(page.getByTestId(`day-${yesterday}`)).toContainText("backfill");
});

test("Achievements: the catalogue with unlocks, and the title choice", async ({ page }) => {
  await signUp(page);
  expect(
    (await page.request.post("/api/v1/player/job", { headers: FROM_THE_APP, data: { job: "TANK" } })).status(),
  ).toBe(200);
  await page.goto("/achievements");
  await expect(page.getByTestId("achievement-count")).toHaveText(/^\d+ of 31 unlocked$/);
  await expect(page.getByRole("listitem", { name: "The Awakened, common, unlocked" })).toContainText("Unlocked");
  await expect(page.getByRole("listitem", { name: /Shadow Monarch|, locked$/ }).first()).toContainText("Locked");
  // A locked counter achievement says how far along it is.
  await expect(page.getByRole("listitem", { name: "Centurion, rare, locked" })).toContainText("0 of 100");

  await page.getByLabel("Equipped title").selectOption("");
  await page.getByRole("button", { name: "Equip" }).click();
  await expect(page.getByText("No title shown.")).toBeVisible();
});

test("Settings: clock, rest, notifications and export", async ({ page }) => {
  const hunter = await signUp(page);
  await page.goto("/settings");

  await page.getByLabel("When my day ends").selectOption({ label: "My day ends at 03:00" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("[SYSTEM] Settings saved.")).toBeVisible();
  expect((await (await page.request.get("/api/v1/player")).json()).dayStartMinute).toBe(180);

  const { today } = await (await page.request.get("/api/v1/player")).json();
  const [y, m, d] = (today as string).split("-").map(Number) as [number, number, number];
  const day = (n: number) => new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  await page.getByLabel("Rest from").fill(day(5));
  await page.getByLabel("Rest until").fill(day(3));
  await page.getByRole("button", { name: "Add rest period" }).click();
  await expect(page.getByText("Must not be before startDay")).toBeVisible();
  await expect(page.getByLabel("Rest until")).toHaveValue(day(3));
  await page.getByLabel("Rest until").fill(day(7));
  await page.getByRole("button", { name: "Add rest period" }).click();
  await expect(page.getByRole("list", { name: "Upcoming rest periods" })).toContainText(`${day(5)} to ${day(7)}`);
  // A rest period can be cancelled before it starts.
  await page.getByRole("button", { name: `Cancel rest ${day(5)} to ${day(7)}` }).click();
  await expect(page.getByText("[SYSTEM] Rest cancelled.")).toBeVisible();
  await expect(page.getByText("No rest planned.")).toBeVisible();

  // Achievements reach the inbox anyway; pushing them too is off until the Hunter ticks it.
  await expect(page.getByLabel("Achievements", { exact: true })).not.toBeChecked();
  await page.getByLabel("Achievements", { exact: true }).check();
  await page.getByLabel("Quest reminders").uncheck();
  // Quiet hours on the 24-hour clock: "6:30" is read as 06:30, "25:00" is refused.
  await page.getByLabel("Until", { exact: true }).fill("6:30");
  await page.getByLabel("Until", { exact: true }).blur();
  await expect(page.getByLabel("Until", { exact: true })).toHaveValue("06:30");
  await page.getByLabel("From", { exact: true }).fill("25:00");
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("Use a local time as HH:MM")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("23:00");
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("[SYSTEM] Notifications saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Achievements", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Quest reminders")).not.toBeChecked();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("23:00");
  await expect(page.getByLabel("Until", { exact: true })).toHaveValue("06:30");

  const json = await page.request.get("/api/v1/export");
  expect(json.status()).toBe(200);
  expect((await json.json()).account.email).toBe(hunter.email);
  const csv = await page.request.get("/api/v1/export?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toMatch(/^id,questId,questTitle,dayKey,happenedAt,source,value,undone,note\r\n/);
});

test("Settings: sign out everywhere ends every session", async ({ page, browser }) => {
  const hunter = await signUp(page);
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto("/sign-in");
  await second.getByLabel("Email").fill(hunter.email);
  await second.getByLabel("Password").fill(hunter.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/(dashboard|awakening)$/);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect((await second.request.get("/api/v1/player")).status()).toBe(401);
  await second.goto("/settings");
  await expect(second).toHaveURL(/\/sign-in/);

  // Signing in again gives a session of the new version.
  await second.getByLabel("Email").fill(hunter.email);
  await second.getByLabel("Password").fill(hunter.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).not.toHaveURL(/\/sign-in/);
  expect((await second.request.get("/api/v1/player")).status()).toBe(200);
  await other.close();
});

test("Settings: delete account asks for the hunter name", async ({ page }) => {
  const hunter = await signUp(page);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete account…" }).click();
  await page.getByLabel("Hunter name").fill("someone else");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText(`Type ${hunter.name} exactly to confirm`)).toBeVisible();
  await expect(page.getByLabel("Hunter name")).toHaveValue("someone else");

  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect")).toBeVisible();
});

test("the screens fit a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUp(page);
  const id = await createDaily(page, "Phone check");
  for (const path of [
    "/awakening",
    "/quests/new",
    `/quests/${id}`,
    `/quests/${id}/edit`,
    "/history",
    "/achievements",
    "/settings",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    const name = path.replace(id, "id").replaceAll("/", "-").slice(1);
    await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
});
