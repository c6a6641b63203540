// The shop: a reward of the Hunter's own, bought with gold from a check-in, undone the same day; the System's
// streak shield waits until gold covers it.
import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

test.use({ viewport: { width: 390, height: 844 } });

test("gold buys a reward of the Hunter's own, and the purchase is undone the same day", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title: "Push-ups", difficulty: "HARD", stats: ["STR"] },
  });
  const { quest } = (await created.json()) as { quest: { id: string } };
  await page.request.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: FROM_THE_APP,
    data: { idempotencyKey: crypto.randomUUID() },
  });
  const gold = async () => ((await (await page.request.get("/api/v1/player")).json()) as { gold: number }).gold;
  const earned = await gold();
  expect(earned).toBeGreaterThanOrEqual(20);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "More" }).click();
  await page.getByRole("main").getByRole("link", { name: /^Shop/ }).click();
  await expect(page).toHaveURL(/\/shop$/);
  await expect(page.getByTestId("shop-gold")).toHaveText(`${earned} gold`);
  await expect(page.getByRole("button", { name: /^Buy a streak shield for 200 gold$/ })).toBeDisabled();

  await page.getByRole("textbox", { name: "Reward" }).fill("Watch an episode");
  await page.getByLabel("Price in gold").fill("0");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByText("A reward costs at least 1 gold")).toBeVisible();
  await page.getByLabel("Price in gold").fill("20");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByText("[SYSTEM] 'Watch an episode' is in the shop for 20 gold.")).toBeVisible();

  await page.getByRole("button", { name: "Buy Watch an episode for 20 gold" }).click();
  await expect(page.getByText("[SYSTEM] 'Watch an episode' bought for 20 gold. Enjoy it, Hunter.")).toBeVisible();
  await expect(page.getByTestId("shop-gold")).toHaveText(`${earned - 20} gold`);
  expect(await gold()).toBe(earned - 20);
  await page.screenshot({ path: "test-results/shop/shop-390x844.png", fullPage: true });

  await page.getByRole("button", { name: "Undo Watch an episode" }).click();
  await expect(page.getByText("[SYSTEM] 'Watch an episode' undone: 20 gold back.")).toBeVisible();
  await expect(page.getByTestId("shop-gold")).toHaveText(`${earned} gold`);
  await page.goto("/history");
  await expect(page.getByText("Shop: Watch an episode · −20 gold")).toBeVisible();
  const exported = (await (await page.request.get("/api/v1/export")).json()) as {
    purchases: { title: string; undoneAt: string | null }[];
  };
  expect(exported.purchases).toEqual([
    expect.objectContaining({ title: "Watch an episode", undoneAt: expect.any(String) }),
  ]);
});
