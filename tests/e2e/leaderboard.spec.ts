import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

test("a Hunter sees their place on the leaderboards and can hide from them", async ({ page }) => {
  const hunter = await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title: "Push-ups", difficulty: "HARD", stats: ["STR"] },
  });
  const { quest } = await created.json();
  await page.request.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: FROM_THE_APP,
    data: { idempotencyKey: crypto.randomUUID() },
  });

  await page.getByRole("link", { name: "Leaderboard" }).click();
  await expect(page.getByTestId("your-place")).toHaveText(/^You are #\d+ of \d+$/);
  await page.getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/board=all/);
  await expect(page.getByRole("row", { name: new RegExp(hunter.name) })).toBeVisible();
  // Your own row stands out.
  await expect(page.getByRole("row", { name: new RegExp(hunter.name) })).toHaveAttribute("aria-current", "true");

  await page.getByRole("button", { name: "Hide me from the leaderboards" }).click();
  await expect(page.getByTestId("your-place")).toHaveText("You are hidden from the leaderboards.");
  await expect(page.getByRole("row", { name: new RegExp(hunter.name) })).toHaveCount(0);
  await page.getByRole("button", { name: "Show me on the leaderboards" }).click();
  await expect(page.getByTestId("your-place")).toHaveText(/^You are #\d+ of \d+$/);
});
