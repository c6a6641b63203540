// The whole journey of a new Hunter, in one Chromium session: sign up → Awakening → check in → level up → undo →
// a 3-times-a-week quest on the heatmap → a failed day (via the test clock, not a sleep) → the Penalty Zone.
import { expect, test, type Page } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { newHunter } from "./support/hunter";

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];

async function screenshots(page: Page, screen: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: `test-results/journey/${screen}-${viewport.width}x${viewport.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize(VIEWPORTS[0]!);
}

test("a Hunter's first days: Awakening, a level-up, an undo, a weekly quest and the Penalty Zone", async ({ page }) => {
  // A whole journey in one test: about 30 s on a loaded 2-core machine, so more than the default to finish.
  test.setTimeout(90_000);
  await page.setViewportSize(VIEWPORTS[0]!);
  const hunter = newHunter();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();

  // Awakening: the Assassin's starter dailies, one renamed.
  await expect(page).toHaveURL(/\/awakening$/);
  await page.getByLabel("Assassin (AGI/PER)").check();
  await page.getByLabel("Daily 1 title").fill("Morning Run");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("awakening-reward")).toContainText("The Awakened");
  await page.getByRole("link", { name: "Enter the System" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("button", { name: /^Check in / })).toHaveCount(3);

  // The first check-in levels the Hunter up; undo takes it back.
  await page.getByRole("button", { name: "Check in Morning Run" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /^\[SYSTEM\] You have defeated 'Morning Run'\. \+150 XP\. Level up! You are now level 2\. Achievement unlocked: First Steps\.$/,
  );
  await expect(page.getByTestId("level")).toHaveText("2");
  await page.getByRole("button", { name: "Undo Morning Run" }).click();
  await expect(page.getByRole("status")).toHaveText("[SYSTEM] 'Morning Run' undone.");
  await expect(page.getByRole("button", { name: "Check in Morning Run" })).toBeEnabled();

  // A 3-times-a-week quest from the editor, checked in, shows on its heatmap.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New quest" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Gym");
  await page.getByLabel("STR").check();
  await page.getByLabel("N times a week").check();
  await page.getByLabel("Times per week").fill("3");
  await page.getByRole("button", { name: "Create quest" }).click();
  await expect(page.getByRole("heading", { name: "Gym" })).toBeVisible();
  const questUrl = page.url();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status" }).click();
  // The quest page has a "Check in Gym" of its own: tap the dashboard's, once the dashboard is there.
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Today's quests" })).toBeVisible();
  await page.getByRole("button", { name: "Check in Gym" }).click();
  await expect(page.getByRole("status")).toContainText("You have defeated 'Gym'");
  await screenshots(page, "dashboard");
  await page.goto(questUrl);
  await expect(page.getByTestId("heatmap-summary")).toHaveText("1 check-in on 1 day in the last 12 months");
  await screenshots(page, "quest-detail");

  // On a phone, Achievements is under the tab bar's "More".
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "More" }).click();
  await page
    .getByRole("main")
    .getByRole("link", { name: /^Achievements/ })
    .click();
  await expect(page.getByRole("listitem", { name: "The Awakened, common, unlocked" })).toBeVisible();
  await screenshots(page, "achievements");

  // Four days later, with the dailies left undone: shields spent, then the Penalty Zone opens.
  const later = new Date(Date.now() + 4 * 24 * 3_600_000).toISOString();
  expect((await page.request.put("/api/v1/test-clock", { headers: FROM_THE_APP, data: { now: later } })).status()).toBe(
    200,
  );
  await page.goto("/dashboard");
  const zone = page.getByRole("region", { name: /Penalty Zone/ });
  await expect(zone).toContainText("Complete 2 quests to survive: 0 of 2 done");
  await expect(zone.getByRole("timer")).toContainText(/Time left: [56]h/);
  await expect(page.getByTestId("streak")).toHaveText("0 days");

  // Two quests in time clear it: the held rewards come back and "Survivor" unlocks.
  await page.getByRole("button", { name: "Check in Morning Run" }).click();
  await expect(page.getByRole("status")).toContainText("held in the Penalty Zone");
  await page.getByRole("button", { name: "Check in Gym" }).click();
  await expect(page.getByRole("status")).toContainText("You have defeated 'Gym'");
  await page.reload();
  await expect(page.getByRole("region", { name: /Penalty Zone/ })).toHaveCount(0);
  const player = await (await page.request.get("/api/v1/player")).json();
  expect(player).toMatchObject({ penaltyZone: null, held: { xp: 0, gold: 0 } });

  // Levels bring stat points to spend.
  const available = player.statPoints.available as number;
  expect(available).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Spend a point on Strength" }).click();
  await expect(page.getByText(`${available - 1} stat points to spend`)).toBeVisible();
  await expect(page.getByLabel(`Strength ${player.stats.STR + 1}`)).toBeVisible();
  expect((await page.request.delete("/api/v1/test-clock", { headers: FROM_THE_APP })).status()).toBe(204);
});
