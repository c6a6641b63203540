// The quests screen: every quest in three sections, a filter, reordering by keyboard and by drag that the dashboard
// follows, and the archived quests restored from their own section.
import { expect, test, type Page } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

async function createQuest(page: Page, data: Record<string, unknown>): Promise<string> {
  const created = await page.request.post("/api/v1/quests", {
    headers: FROM_THE_APP,
    data: { difficulty: "NORMAL", stats: ["STR"], ...data },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { quest: { id: string } }).quest.id;
}

/** The System's reply (dnd-kit's own live region speaks to screen readers beside it). */
const reply = (page: Page) => page.getByTestId("quests-reply");

const rowsOf = (page: Page, section: string) =>
  page.getByRole("region", { name: new RegExp(`^${section}`) }).getByRole("link");

test.describe("at 390 × 844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("lists every quest by kind, filters, reorders by keyboard for the dashboard too, and restores", async ({
    page,
  }) => {
    await signUp(page);
    await createQuest(page, { kind: "DAILY", title: "Push-ups", schedule: { type: "WEEKDAYS", days: [1, 3, 5] } });
    await createQuest(page, { kind: "DAILY", title: "Read", stats: ["INT"] });
    await createQuest(page, { kind: "HABIT", title: "Junk food", positive: false });
    await createQuest(page, { kind: "ONE_TIME", title: "File taxes", dueDay: "2099-04-15" });
    const old = await createQuest(page, { kind: "DAILY", title: "Old habit" });
    expect((await page.request.delete(`/api/v1/quests/${old}`, { headers: FROM_THE_APP })).status()).toBe(200);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quests" }).click();
    await expect(page).toHaveURL(/\/quests$/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quests" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(rowsOf(page, "Dailies")).toHaveText([/^Push-ups.*On Mon, Wed, Fri/, /^Read.*INT/]);
    await expect(rowsOf(page, "Habits")).toHaveText([/^Junk food.*bad habit/]);
    await expect(rowsOf(page, "To-dos")).toHaveText([/^File taxes.*due 2099-04-15/]);
    await page.screenshot({ path: "test-results/quests/quests-390x844.png", fullPage: true });

    await page.getByRole("searchbox", { name: "Filter" }).fill("read");
    await expect(rowsOf(page, "Dailies")).toHaveText([/^Read/]);
    await expect(rowsOf(page, "Habits")).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Filter" }).fill("");

    // The keyboard: focus the handle, Space lifts, an arrow moves, Space drops.
    await page.getByRole("button", { name: "Move Read" }).focus();
    // Each step waits for the one before: the handle pressed, then what a screen reader hears (in quest titles).
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: "Move Read" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowUp");
    await expect(page.getByText("Read is over Push-ups.")).toBeAttached();
    await page.keyboard.press("Space");
    await expect(reply(page)).toHaveText("[SYSTEM] 'Read' moved.");
    await expect(rowsOf(page, "Dailies")).toHaveText([/^Read/, /^Push-ups/]);
    const { quests } = (await (await page.request.get("/api/v1/player")).json()) as { quests: { title: string }[] };
    expect(quests.map((q) => q.title).filter((t) => t === "Read" || t === "Push-ups")).toEqual(["Read", "Push-ups"]);
    await page.reload();
    await expect(rowsOf(page, "Dailies")).toHaveText([/^Read/, /^Push-ups/]);

    // The archived quest comes back, at the end of its section.
    await page.getByRole("button", { name: "Restore Old habit" }).click();
    await expect(reply(page)).toHaveText("[SYSTEM] 'Old habit' restored.");
    await expect(rowsOf(page, "Dailies")).toHaveText([/^Read/, /^Push-ups/, /^Old habit/]);
    await expect(page.getByRole("region", { name: /^Archived/ })).toHaveCount(0);

    await rowsOf(page, "To-dos").first().click();
    await expect(page.getByRole("heading", { name: "File taxes" })).toBeVisible();

    // The quest page has its own check-in and undo.
    await page.getByRole("button", { name: "Check in File taxes" }).click();
    await expect(page.getByRole("status")).toContainText("You have defeated 'File taxes'");
    await expect(page.getByRole("button", { name: "Check in File taxes" })).toBeDisabled();
    await page.screenshot({ path: "test-results/quests/quest-page-390x844.png", fullPage: true });
    await page.getByRole("button", { name: "Undo File taxes" }).click();
    await expect(page.getByRole("status")).toHaveText("[SYSTEM] 'File taxes' undone.");
    await expect(page.getByRole("button", { name: "Check in File taxes" })).toBeEnabled();
    await expect(page.getByRole("heading", { name: "Completions" })).toHaveCount(0);
  });
});

test.describe("at 1280 × 800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("a quest is dragged into place with the pointer", async ({ page }) => {
    await signUp(page);
    for (const title of ["First", "Second", "Third"]) await createQuest(page, { kind: "HABIT", title });
    await page.goto("/quests");
    await expect(rowsOf(page, "Habits")).toHaveText([/^First/, /^Second/, /^Third/]);

    const handle = page.getByRole("button", { name: "Move Third" });
    const target = await page.getByRole("button", { name: "Move First" }).boundingBox();
    await handle.hover();
    await page.mouse.down();
    await page.mouse.move(target!.x + target!.width / 2, target!.y + 4, { steps: 12 });
    await page.mouse.move(target!.x + target!.width / 2, target!.y + 2, { steps: 4 });
    await page.mouse.up();
    await expect(reply(page)).toHaveText("[SYSTEM] 'Third' moved.");
    await expect(rowsOf(page, "Habits")).toHaveText([/^Third/, /^First/, /^Second/]);
    await page.screenshot({ path: "test-results/quests/quests-1280x800.png", fullPage: true });

    await page.goto("/dashboard");
    const titles = await page.getByRole("button", { name: /^(Check in|\+) / }).allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    const { quests } = (await (await page.request.get("/api/v1/player")).json()) as { quests: { title: string }[] };
    expect(quests.map((q) => q.title)).toEqual(["Third", "First", "Second"]);
  });
});
