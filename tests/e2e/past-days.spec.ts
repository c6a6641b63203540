// Editing past days on a quest's page: a settled day within the last 7 takes a backfill (no XP) and gives it back;
// an entry that earned XP on a settled day stays. The test clock moves the days.
import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

test.use({ viewport: { width: 390, height: 844 } });

test("a past day is tapped to add a backfill and to remove it again", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "HABIT", title: "Stretch", difficulty: "EASY", stats: ["AGI"] },
  });
  const { quest } = (await created.json()) as { quest: { id: string } };
  const live = await page.request.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: FROM_THE_APP,
    data: { idempotencyKey: crypto.randomUUID() },
  });
  expect(live.status()).toBe(201);

  const later = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
  expect((await page.request.put("/api/v1/test-clock", { headers: FROM_THE_APP, data: { now: later } })).status()).toBe(
    200,
  );
  await page.goto(`/quests/${quest.id}`);
  const days = page.getByRole("button", { name: /: \d+ check-ins?$/ });
  await expect(days).toHaveCount(3);

  // The quest's first day holds the live check-in: it stays once settled.
  await days.first().click();
  await expect(days.first()).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("This day is settled: entries that earned XP stay.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove one" })).toHaveCount(0);

  // The next day had nothing: a backfill, no XP, then removed again.
  const xp = async () => ((await (await page.request.get("/api/v1/player")).json()) as { xp: number }).xp;
  const before = await xp();
  await days.nth(1).click();
  await page.getByRole("button", { name: "Add a check-in" }).click();
  await expect(page.getByText(/: recorded\. A settled day pays no XP/)).toBeVisible();
  await expect(days.nth(1)).toHaveAccessibleName(/: 1 check-in$/);
  expect(await xp()).toBe(before);
  await page.screenshot({ path: "test-results/quests/past-days-390x844.png", fullPage: true });

  await page.getByRole("button", { name: "Remove one" }).click();
  await expect(page.getByText(/: one check-in removed\./)).toBeVisible();
  await expect(days.nth(1)).toHaveAccessibleName(/: 0 check-ins$/);
  expect(await xp()).toBe(before);
  await page.request.delete("/api/v1/test-clock", { headers: FROM_THE_APP });
});
