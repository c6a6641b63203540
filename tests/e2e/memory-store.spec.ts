// The quick start's default: no Redis, the in-process store. Pages, route handlers and Server Actions are separate
// module graphs in Next, so this proves they share one store: a write through one door is seen through the other
// at once, and the leaderboards come from Postgres.
import { expect, test, type Page } from "@playwright/test";
import { fromPagesOf, json } from "./support/api";
import { signUp } from "./support/hunter";

test.use({ baseURL: process.env.E2E_MEMORY_URL });

/** What this copy's own pages send with a write (cookie writes need their Origin). */
const FROM_MEMORY_PAGES = fromPagesOf(process.env.E2E_MEMORY_URL!);

type Status = { xp: number; level: number; penaltyZone: unknown; quests: { id: string; completeToday: boolean }[] };

const player = async (page: Page) => json<Status>(await page.request.get("/api/v1/player"), 200);

async function hunterWithDaily(page: Page, title: string) {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_MEMORY_PAGES,
    data: { kind: "DAILY", title, difficulty: "NORMAL", stats: ["STR"] },
  });
  return (await json<{ quest: { id: string } }>(created, 201)).quest;
}

test("a check-in through the API shows on the dashboard at once", async ({ page }) => {
  const quest = await hunterWithDaily(page, "Push-ups");
  await page.goto("/dashboard");
  // The page has read (and cached) the status window: 0 XP.
  await expect(page.getByTestId("xp")).toHaveText("0");

  const reply = await page.request.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: FROM_MEMORY_PAGES,
    data: { idempotencyKey: crypto.randomUUID() },
  });
  expect(reply.status()).toBe(201);
  const { xp } = await player(page);
  expect(xp).toBeGreaterThanOrEqual(100);

  await page.reload();
  await expect(page.getByTestId("xp")).toHaveText(xp.toLocaleString("en"));
  await expect(page.getByRole("button", { name: "Check in Push-ups" })).toHaveText("Done");
});

test("a check-in on the dashboard shows through the API at once", async ({ page }) => {
  const quest = await hunterWithDaily(page, "Squats");
  // The API has read (and cached) the status window.
  expect(await player(page)).toMatchObject({ xp: 0 });

  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Check in Squats" }).click();
  await expect(page.getByRole("status")).toContainText("You have defeated 'Squats'");

  const after = await player(page);
  expect(after.xp).toBeGreaterThanOrEqual(100);
  expect(after.quests.find((q) => q.id === quest.id)).toMatchObject({ completeToday: true });
});

test("the leaderboards are read from Postgres, so they hold what the ledger holds", async ({ page }) => {
  const quest = await hunterWithDaily(page, "Lunges");
  await page.request.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: FROM_MEMORY_PAGES,
    data: { idempotencyKey: crypto.randomUUID() },
  });
  const { xp } = await player(page);
  const board = await json<{ source: string; you: { position: number } | null }>(
    await page.request.get("/api/v1/leaderboard?board=all"),
    200,
  );
  expect(board.source).toBe("database");
  expect(board.you?.position).toBeGreaterThan(0);
  expect(xp).toBeGreaterThan(0);
});
