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

type ChartLayout = {
  name: string;
  axisTitles: string[];
  bottomTicks: { text: string; left: number; right: number; height: number }[];
  width: number;
};

/**
 * The statistics charts at phone and desktop sizes: each named by its title and summary, both axes titled, dates
 * along the bottom, a few values up the left, labels at least 11 px tall that do not run into each other, and no
 * chart wider than the screen.
 */
async function expectReadableCharts(page: Page, expected: { name: RegExp; axisTitles: string[] }[]) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(page.getByRole("img", { name: expected[0]!.name })).toBeVisible();
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>("figure svg[role=img]")]
        .filter((svg) => svg.querySelector(".visx-axis"))
        .map((svg): ChartLayout => ({
          name: (svg.getAttribute("aria-labelledby") ?? "")
            .split(" ")
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" "),
          axisTitles: [...svg.querySelectorAll(".visx-axis-label")].map((t) => t.textContent ?? ""),
          bottomTicks: [...svg.querySelectorAll(".visx-axis-bottom .visx-axis-tick text")].map((t) => {
            const box = t.getBoundingClientRect();
            return { text: t.textContent ?? "", left: box.left, right: box.right, height: box.height };
          }),
          width: svg.getBoundingClientRect().width,
        })),
    );
    expect(charts).toHaveLength(expected.length);
    for (const [i, chart] of charts.entries()) {
      const where = `${chart.name} at ${size.width} px`;
      expect(chart.name, where).toMatch(expected[i]!.name);
      expect(chart.axisTitles, where).toEqual(expected[i]!.axisTitles);
      expect(chart.width, where).toBeLessThanOrEqual(size.width);
      expect(chart.bottomTicks.length, where).toBeGreaterThanOrEqual(2);
      for (const [j, tick] of chart.bottomTicks.entries()) {
        expect(tick.height, `${where}: ${tick.text}`).toBeGreaterThanOrEqual(11);
        const next = chart.bottomTicks[j + 1];
        if (next) expect(tick.right, `${where}: ${tick.text} runs into ${next.text}`).toBeLessThan(next.left);
      }
    }
  }
}

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
  await expectReadableCharts(page, [
    { name: /^XP by week .*Imported history awards no XP\.$/, axisTitles: ["XP", "Week starting"] },
    { name: /^The five stats, week by week Now STR/, axisTitles: ["stat points", "Week starting"] },
  ]);
  await expect(page.getByRole("img", { name: /^XP by week/ }).locator(".visx-axis-bottom")).toContainText(
    /[A-Z][a-z]{2} \d{1,2}/,
  );
  await shoot(page, "stats");

  await page.getByRole("link", { name: "Meditate" }).click();
  await expect(page.getByTestId("stats-total")).toHaveText(`20 since ${days[0]}`);
  await expect(page.getByTestId("best-streaks")).toHaveText("20");
  await expectReadableCharts(page, [
    { name: /^By week 20 check-ins over 26 weeks/, axisTitles: ["check-ins", "Week starting"] },
    { name: /^By month 20 check-ins over 12 months/, axisTitles: ["check-ins", "Month"] },
    { name: /^By weekday 20 check-ins/, axisTitles: ["check-ins", "Weekday"] },
    { name: /^Strength, week by week Strength \d+%/, axisTitles: ["strength", "Week starting"] },
  ]);
  // The numbers behind a chart, as a table.
  await page.getByText("Data table").first().click();
  await expect(page.getByRole("table", { name: "By week" }).getByRole("columnheader")).toHaveText([
    "Week starting",
    "check-ins",
  ]);
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
