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

test("the status window takes a check-in from its reply, and still shows it after leaving and coming back", async ({
  page,
}) => {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title: "Evening Walk", difficulty: "NORMAL", stats: ["VIT"] },
  });
  expect(created.status()).toBe(201);
  await page.reload();
  await expect(page.getByTestId("level")).toHaveText("1");

  // The action answers with the status: no render of the dashboard follows the tap.
  const pageLoads: string[] = [];
  page.on("request", (request) => {
    const dashboard = new URL(request.url()).pathname === "/dashboard";
    if (dashboard && request.headers()["rsc"] === "1" && !request.headers()["next-action"]) {
      pageLoads.push(request.url());
    }
  });
  await page.getByRole("button", { name: "Check in Evening Walk" }).click();
  await expect(page.getByRole("button", { name: "Check in Evening Walk" })).toHaveText("Done");
  const { xp } = await (await page.request.get("/api/v1/player")).json();
  expect(xp).toBeGreaterThanOrEqual(100);
  await expect(page.getByTestId("xp")).toHaveText(xp.toLocaleString("en"));
  await expect(page.getByTestId("level")).toHaveText("2");
  expect(pageLoads).toEqual([]);

  // To the quest's page and back: the router restores the page as it was served, the check-in still shows.
  await page.getByRole("link", { name: "Evening Walk" }).click();
  await expect(page).toHaveURL(/\/quests\/c/);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("level")).toHaveText("2");
  await expect(page.getByRole("button", { name: "Check in Evening Walk" })).toHaveText("Done");

  await page.getByRole("button", { name: "Undo Evening Walk" }).click();
  await expect(page.getByRole("button", { name: "Check in Evening Walk" })).toBeEnabled();
  // The check-in's XP goes back (the achievement it unlocked keeps its reward).
  const undone = (await (await page.request.get("/api/v1/player")).json()).xp;
  expect(undone).toBeLessThan(xp);
  await expect(page.getByTestId("xp")).toHaveText(undone.toLocaleString("en"));
  await page.reload();
  await expect(page.getByTestId("xp")).toHaveText(undone.toLocaleString("en"));
  await expect(page.getByRole("button", { name: "Check in Evening Walk" })).toBeEnabled();
});
