// The tab bar prefetches a page when the Hunter reaches for it, not on load: the dashboard's first seconds are for
// tapping quests (components/nav/nav-link.tsx).
import { expect, test } from "@playwright/test";
import { signUp } from "./support/hunter";

test.use({ viewport: { width: 390, height: 844 } });

const TAB_PAGES = ["/quests", "/quests/new", "/history", "/more"];

test("the tab bar fetches nothing on load and prefetches a tab on touch", async ({ page }) => {
  await signUp(page);
  const fetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) fetched.push(url.pathname);
  });
  await page.goto("/dashboard");
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((path) => TAB_PAGES.includes(path))).toEqual([]);

  const history = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" });
  await history.hover();
  await expect.poll(() => fetched.includes("/history")).toBe(true);
  await history.click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(history).toHaveAttribute("aria-current", "page");
});
