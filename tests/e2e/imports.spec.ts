// Bring your history: a Loop export chosen in the browser, previewed, imported in chunks, and the imported days
// on the statistics screen's year of cleared days. Screenshots of the screens at phone and desktop sizes.
import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/time/rules";
import { loopCsvZip } from "@/tests/support/import-fixtures";
import { newHunter } from "./support/hunter";

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${size.name}.png`, fullPage: true });
  }
}

test("upload → preview → confirm → the heatmap shows the imported days", async ({ page }) => {
  test.setTimeout(120_000);
  // Sign-up hashes with argon2 and checks the password's strength: on a loaded machine it takes a while.
  const hunter = newHunter();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();
  await expect(page).toHaveURL(/\/awakening$/, { timeout: 30_000 });
  // 20 days before today (the Hunter's first day): Meditate every day, Read on all but 5 of them.
  const today = new Date().toISOString().slice(0, 10);
  const days = Array.from({ length: 20 }, (_, i) => addDays(today, i - 20));
  const missed = new Set(days.filter((_, i) => i % 4 === 1));
  const zip = loopCsvZip([
    { name: "Meditate", entries: days.map((day, i) => ({ day, value: 2, note: i === 19 ? "calm <b>mind</b>" : "" })) },
    { name: "Read", entries: days.map((day) => ({ day, value: missed.has(day) ? 0 : 2 })) },
  ]);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Import history" }).click();
  await expect(page).toHaveURL(/\/settings\/import$/);
  await page.getByLabel("Export file").setInputFiles({
    name: "Loop Habits CSV.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(zip),
  });
  await expect(page.getByTestId("import-totals")).toContainText("2 quests to create, 35 check-ins");
  await expect(page.getByRole("rowheader", { name: /Meditate/ })).toBeVisible();
  await expect(page.getByTestId("import-skipped")).toContainText("5 NO entries");
  await shoot(page, "import-preview");

  await page.getByRole("button", { name: "Import 2 quests" }).click();
  await expect(page.getByRole("status").filter({ hasText: "History restored" })).toContainText(
    "2 quests, 35 check-ins. No XP was awarded for them.",
  );

  await page.getByRole("link", { name: "See your statistics" }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByTestId("heatmap-summary")).toHaveText("15 cleared days in the last 12 months");
  await expect(page.locator(`rect:has(title:text-is("${days[0]}: 1"))`)).toHaveCount(1);
  await expect(page.locator(`rect:has(title:text-is("${[...missed][0]}: 0"))`)).toHaveCount(1);
  await shoot(page, "stats");

  await page.getByRole("link", { name: "Meditate" }).click();
  await expect(page.getByTestId("stats-total")).toHaveText(`20 since ${days[0]}`);
  await expect(page.getByTestId("best-streaks")).toHaveText("20");
  await shoot(page, "quest-stats");

  // A note right after a check-in on the dashboard, shown escaped there and on the history screen.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Check in Meditate" }).click();
  await page.getByRole("button", { name: "Add a note to this check-in" }).click();
  await page.getByLabel("Note on this check-in (up to 500 characters)").fill("slept <well>");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("check-in-note")).toHaveText("slept <well>");
  await page.goto("/history");
  await expect(page.getByTestId(`day-${today}`).getByTestId("check-in-note")).toHaveText("slept <well>");

  // Settings list the import, with a way back.
  await page.goto("/settings");
  await expect(page.getByRole("list", { name: "Your imports" })).toContainText("2 quests, 35 check-ins · imported");
});
