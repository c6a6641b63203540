import { expect, test, type Page } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

async function checkInFirstQuest(page: Page) {
  await signUp(page);
  await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "HABIT", title: "Stretch", difficulty: "EASY", stats: ["AGI"] },
  });
  await page.reload();
  await page.getByRole("button", { name: "Check in Stretch" }).click();
  await expect(page.getByRole("status")).toContainText("You have defeated 'Stretch'");
}

/** The animation the flourish runs, or null when it is not displayed. */
const flourish = (page: Page) =>
  page.evaluate(() => {
    const layer = document.querySelector("[aria-hidden].pointer-events-none");
    if (!layer || getComputedStyle(layer).display === "none") return null;
    return getComputedStyle(layer.firstElementChild!).animationName;
  });

test("a check-in plays the level-up burst (the first award levels up)", async ({ page }) => {
  await checkInFirstQuest(page);
  expect(await flourish(page)).toBe("burst");
});

test("under prefers-reduced-motion there is no animation at all", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await checkInFirstQuest(page);
  expect(await flourish(page)).toBeNull();
});

test("sound is off by default and the toggle remembers the choice", async ({ page }) => {
  await signUp(page);
  const toggle = page.getByRole("button", { name: /^Sound/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await page.reload();
  await expect(page.getByRole("button", { name: /^Sound/ })).toHaveAttribute("aria-pressed", "true");
});
