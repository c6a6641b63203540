import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

const PUBLIC_SCREENS = ["/", "/sign-in", "/sign-up"];
const PLAYER_SCREENS = [
  "/dashboard",
  "/quests",
  "/quests/new",
  "/history",
  "/report",
  "/achievements",
  "/settings",
  "/settings/import",
  "/stats",
  "/leaderboard?board=weekly",
  "/leaderboard?board=all",
  "/more",
  "/shop",
];

async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
  // Moderate, but what a screen reader's heading list walks: no level skipped (Lighthouse's heading-order too).
  const skipped = violations.filter((v) => v.id === "heading-order").flatMap((v) => v.nodes.map((n) => n.html));
  expect(skipped, `${screen}: headings that skip a level`).toEqual([]);
}

/** Phone first: nothing scrolls sideways at 360 px, and every visible control is at least 44 px tall. */
async function expectPhoneFriendly(page: Page, screen: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea")]
      .filter((el) => el.offsetParent !== null && !el.closest(".sr-only"))
      // A radio or checkbox is tapped through its label, which is the real target.
      .map((el) => (el.matches("[type=radio], [type=checkbox]") && el.closest("label")) || el)
      .map((el) => ({ el: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
      .filter(({ height }) => height < 44),
  );
  expect(small, `${screen} has controls under 44 px`).toEqual([]);
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("public screens are accessible and phone friendly", async ({ page }) => {
    for (const screen of PUBLIC_SCREENS) {
      await page.goto(screen);
      await expectNoSeriousViolations(page, screen);
      await expectPhoneFriendly(page, screen);
    }
  });

  test("a Hunter's screens are accessible and phone friendly", async ({ page }) => {
    // Fourteen axe runs: about 65 s on a loaded 2-core machine.
    test.setTimeout(120_000);
    await signUp(page);
    await page.goto("/awakening");
    await expectNoSeriousViolations(page, "/awakening");
    await expectPhoneFriendly(page, "/awakening");
    await page.request.post("/api/v1/player/job", { headers: FROM_THE_APP, data: { job: "MAGE" } });
    const { quests } = await (await page.request.get("/api/v1/quests")).json();
    const quest = quests[0].id as string;
    for (const screen of [...PLAYER_SCREENS, `/quests/${quest}`, `/quests/${quest}/edit`, `/stats/quests/${quest}`]) {
      await page.goto(screen);
      await expectNoSeriousViolations(page, screen);
      await expectPhoneFriendly(page, screen);
    }
  });
});

test("the keyboard reaches every control on the dashboard, with a visible focus ring", async ({ page }) => {
  await signUp(page);
  await page.request.post("/api/v1/player/job", { headers: FROM_THE_APP, data: { job: "TANK" } });
  await page.goto("/dashboard");
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "", outline: style.outlineStyle };
    });
    if (!focused) continue;
    expect(focused.outline, `focus ring on ${focused.name}`).not.toBe("none");
    reached.add(focused.name);
  }
  for (const name of ["Status", "Leaderboard", "Sign out"]) expect(reached).toContain(name);
  expect([...reached].filter((n) => n.startsWith("Check in "))).toHaveLength(3);
});
