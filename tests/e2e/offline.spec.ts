import { expect, test, type Page } from "@playwright/test";
import { addDays, FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

// The Hunter's zone is the browser's at sign-up; UTC keeps the day arithmetic below plain.
test.use({ timezoneId: "UTC" });

const TITLES = ["Push-ups", "Read 10 pages", "Meditate"];

/** Check-ins of the player's open day, from the System's own history. */
async function checkInsToday(page: Page) {
  const player = await (await page.request.get("/api/v1/player")).json();
  const history = await (await page.request.get(`/api/v1/history?from=${player.today}&to=${player.today}`)).json();
  const days = history.days as { day: string; checkIns: { happenedAt: string; source: string }[] }[];
  const checkIns = days.flatMap(({ day, checkIns }) => checkIns.map((checkIn) => ({ day, ...checkIn })));
  return { player, today: player.today as string, checkIns };
}

/** The offline queue as stored in IndexedDB, read without the app's code. */
function queuedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("the-system-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("check-ins")) return resolve((db.close(), []));
          const keys = db.transaction("check-ins").objectStore("check-ins").getAllKeys();
          keys.onsuccess = () => resolve((db.close(), keys.result.map(String)));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Signs up with these DAILY quests and opens the dashboard online under the service worker, which keeps it. */
async function dashboardKeptForOffline(page: Page, titles: string[]): Promise<void> {
  await signUp(page);
  for (const title of titles) {
    const created = await page.request.post("/api/v1/quests", {
      headers: FROM_THE_APP,
      data: { kind: "DAILY", title, difficulty: "EASY", stats: ["VIT"] },
    });
    expect(created.status()).toBe(201);
  }
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.reload();
  await expect
    .poll(() => page.evaluate(async () => (await caches.match("/dashboard", { ignoreVary: true })) !== undefined))
    .toBe(true);
}

/** Reloads while offline and checks the page came from the service worker, not the network. */
async function reloadOffline(page: Page): Promise<void> {
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("hunter-name")).toBeVisible();
}

test("check-ins made offline survive a reload, show as pending and sync exactly once", async ({ page, context }) => {
  await dashboardKeptForOffline(page, TITLES);

  const posts: { questId: string; key: string; happenedAt: string; status: number }[] = [];
  page.on("response", async (response) => {
    const request = response.request();
    const questId = /\/api\/v1\/quests\/([^/]+)\/check-ins$/.exec(request.url())?.[1];
    if (request.method() !== "POST" || !questId) return;
    const body = request.postDataJSON() as { idempotencyKey: string; happenedAt: string };
    posts.push({ questId, key: body.idempotencyKey, happenedAt: body.happenedAt, status: response.status() });
  });

  await context.setOffline(true);
  const syncState = page.getByTestId("sync-state");
  await expect(syncState).toHaveText("Offline — check-ins will sync when the connection returns");
  for (const title of TITLES) {
    await page.getByRole("button", { name: `Check in ${title}` }).click();
    await expect(page.getByRole("status")).toHaveText(
      `[SYSTEM] '${title}' recorded offline. It will sync when the connection returns.`,
    );
    await expect(page.getByRole("button", { name: `Check in ${title}` })).toHaveText("Pending");
  }
  await expect(syncState).toHaveText("Offline — 3 check-ins will sync");

  // Offline reload: the service worker serves the last known dashboard, and the queue is still there.
  await reloadOffline(page);
  await expect(syncState).toHaveText("Offline — 3 check-ins will sync");
  await expect(page.getByTestId("pending-check-ins")).toHaveText(["+1 pending", "+1 pending", "+1 pending"]);
  for (const title of TITLES) {
    await expect(page.getByRole("button", { name: `Check in ${title}` })).toHaveText("Pending");
  }
  expect(await queuedKeys(page)).toHaveLength(3);
  expect(posts).toEqual([]);

  // Back online: the queue drains by itself.
  await context.setOffline(false);
  await expect.poll(() => queuedKeys(page)).toEqual([]);
  await expect(syncState).toBeHidden();
  for (const title of TITLES) {
    await expect(page.getByRole("button", { name: `Check in ${title}` })).toHaveText("Done");
  }
  expect(posts.map((post) => post.status)).toEqual([201, 201, 201]);

  const synced = await checkInsToday(page);
  expect(synced.checkIns).toHaveLength(3);
  expect(synced.checkIns).toEqual(
    posts.map(({ happenedAt }) => expect.objectContaining({ day: synced.today, happenedAt, source: "OFFLINE" })),
  );
  expect(synced.player.quests).toEqual(
    TITLES.map((title) => expect.objectContaining({ title, completionsToday: 1, complete: true })),
  );

  // The same check-in queued again (a second tab, a lost reply) and synced again: answered 200, counted once.
  const first = posts[0];
  if (!first) throw new Error("no check-in was sent");
  await page.evaluate(
    (item) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("the-system-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("check-ins", "readwrite");
          tx.objectStore("check-ins").put(item);
          tx.oncomplete = () => resolve(open.result.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
    {
      idempotencyKey: first.key,
      questId: first.questId,
      questTitle: "replayed",
      happenedAt: first.happenedAt,
      queuedAt: new Date().toISOString(),
    },
  );
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect.poll(() => posts.length).toBe(4);
  expect(posts[3]).toMatchObject({ key: first.key, status: 200 });
  await expect.poll(() => queuedKeys(page)).toEqual([]);

  // And every original key replayed straight to the API: 200 with the original reply, nothing added.
  for (const post of posts.slice(0, 3)) {
    const replay = await page.request.post(`/api/v1/quests/${post.questId}/check-ins`, {
      headers: FROM_THE_APP,
      data: { idempotencyKey: post.key, happenedAt: post.happenedAt },
    });
    expect(replay.status()).toBe(200);
  }
  const after = await checkInsToday(page);
  expect(after.checkIns).toHaveLength(3);
  expect(after.player.xp).toBe(synced.player.xp);
});

test("a check-in made offline before the day rolled over counts for the day it happened", async ({ page, context }) => {
  await dashboardKeptForOffline(page, ["Evening Walk"]);
  const { today } = await (await page.request.get("/api/v1/player")).json();

  await context.setOffline(true);
  await page.getByRole("button", { name: "Check in Evening Walk" }).click();
  await expect(page.getByTestId("sync-state")).toHaveText("Offline — 1 check-in will sync");
  await reloadOffline(page);
  await expect(page.getByTestId("pending-check-ins")).toHaveText("+1 pending");

  // The System's clock passes midnight (01:00 tomorrow, inside yesterday's grace window) before the sync.
  const moved = await page.request.put("/api/v1/test-clock", {
    headers: FROM_THE_APP,
    data: { now: `${addDays(today, 1)}T01:00:00Z` },
  });
  expect(moved.status()).toBe(200);
  await context.setOffline(false);
  await expect.poll(() => queuedKeys(page)).toEqual([]);

  const player = await (await page.request.get("/api/v1/player")).json();
  expect(player.today).toBe(addDays(today, 1));
  const history = await (await page.request.get(`/api/v1/history?from=${today}&to=${player.today}`)).json();
  expect(history.days).toEqual([
    expect.objectContaining({
      day: today,
      checkIns: [expect.objectContaining({ questTitle: "Evening Walk", source: "OFFLINE", undone: false })],
    }),
  ]);
  expect(player.quests).toEqual([expect.objectContaining({ title: "Evening Walk", completionsToday: 0 })]);
});

test("a check-in whose request is lost while the browser thinks it is online is queued, not lost", async ({ page }) => {
  await dashboardKeptForOffline(page, ["Stretch"]);
  // Lie-fi: navigator.onLine is true, but the Server Action's request never reaches the server.
  await page.route("**/dashboard", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.getByRole("button", { name: "Check in Stretch" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "[SYSTEM] 'Stretch' recorded offline. It will sync when the connection returns.",
  );
  // The queue is sent over the API, which still works: the check-in arrives once.
  await expect.poll(() => queuedKeys(page)).toEqual([]);
  await expect(page.getByRole("button", { name: "Check in Stretch" })).toHaveText("Done");
  const { checkIns } = await checkInsToday(page);
  expect(checkIns).toEqual([expect.objectContaining({ questTitle: "Stretch", source: "OFFLINE" })]);
});

test("signing out forgets the pages kept for offline use", async ({ page }) => {
  await dashboardKeptForOffline(page, ["Journal"]);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect
    .poll(() => page.evaluate(async () => (await caches.match("/dashboard", { ignoreVary: true })) !== undefined))
    .toBe(false);
});
