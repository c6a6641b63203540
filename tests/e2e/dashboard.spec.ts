import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

test("a quest is checked in from the dashboard, counted once, and undone", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title: "Morning Run", difficulty: "NORMAL", stats: ["AGI"] },
  });
  expect(created.status()).toBe(201);
  await page.reload();

  await page.getByRole("button", { name: "Check in Morning Run" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "[SYSTEM] You have defeated 'Morning Run'. +100 XP. Level up! You are now level 2. Achievement unlocked: First Steps.",
  );
  await expect(page.getByRole("button", { name: "Check in Morning Run" })).toHaveText("Done");
  await expect(page.getByRole("button", { name: "Check in Morning Run" })).toBeDisabled();

  const player = await (await page.request.get("/api/v1/player")).json();
  expect(player.quests).toEqual([
    expect.objectContaining({ title: "Morning Run", completionsToday: 1, complete: true }),
  ]);
  expect(player.xp).toBeGreaterThanOrEqual(100);

  await page.getByRole("button", { name: "Undo Morning Run" }).click();
  await expect(page.getByRole("status")).toHaveText("[SYSTEM] 'Morning Run' undone.");
  await expect(page.getByRole("button", { name: "Check in Morning Run" })).toBeEnabled();
  const after = await (await page.request.get("/api/v1/player")).json();
  expect(after.quests[0]).toMatchObject({ completionsToday: 0, complete: false });
});
