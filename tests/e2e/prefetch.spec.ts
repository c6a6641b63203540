// The tab bar, the quest list and the ways back to status prefetch a page when the Hunter reaches for it, not on load
// nor after a check-in: the first seconds of a page are for tapping, and a tap is one request
// (components/nav/intent-link.tsx).
import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
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
  // The header's way home is in view on every other page (the quest board has no other): it waits for a touch too.
  await page.goto("/quests");
  await page.waitForLoadState("networkidle");
  expect(fetched).not.toContain("/dashboard");
});

test("the quest list fetches no quest's page on load or after a check-in, and one on touch", async ({ page }) => {
  await signUp(page);
  const ids: string[] = [];
  for (const title of ["Push-ups", "Read 10 pages", "Stretch"]) {
    const created = await page.request.post("/api/v1/quests", {
      headers: FROM_THE_APP,
      data: { kind: "DAILY", title, difficulty: "EASY", stats: ["STR"] },
    });
    expect(created.status()).toBe(201);
    ids.push((await created.json()).quest.id);
  }
  const fetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) fetched.push(url.pathname);
  });
  await page.reload();
  await page.waitForLoadState("networkidle");
  // A Server Action leaves every prefetched page stale: a link prefetched in view would be fetched again here.
  await page.getByRole("button", { name: "Check in Push-ups" }).click();
  await expect(page.getByRole("button", { name: "Check in Push-ups" })).toHaveText("Done");
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((path) => path.startsWith("/quests/"))).toEqual([]);
  // Nor any other page: the header's way home, the bell, the tab bar.
  expect(fetched).toEqual([]);

  const link = page.getByRole("link", { name: "Read 10 pages" });
  await link.hover();
  await expect.poll(() => fetched.includes(`/quests/${ids[1]}`)).toBe(true);
  expect(fetched.filter((path) => path.startsWith("/quests/") && path !== `/quests/${ids[1]}`)).toEqual([]);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/quests/${ids[1]}$`));
});

test("the way back to status at the foot of a page waits for a touch too", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { kind: "DAILY", title: "Push-ups", difficulty: "EASY", stats: ["STR"] },
  });
  const quest = (await created.json()).quest.id as string;
  const fetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) fetched.push(url.pathname);
  });
  // A window tall enough to have the link in view: a link prefetched in view would fetch the dashboard here.
  await page.setViewportSize({ width: 390, height: 6000 });
  for (const path of ["/history", "/report", "/settings", "/quests/new", `/quests/${quest}`, "/achievements"]) {
    await page.goto(path);
    await expect(page.getByRole("link", { name: "Back to status" })).toBeInViewport();
    await page.waitForLoadState("networkidle");
  }
  expect(fetched).not.toContain("/dashboard");

  const back = page.getByRole("link", { name: "Back to status" });
  await back.hover();
  await expect.poll(() => fetched.includes("/dashboard")).toBe(true);
  await back.click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
