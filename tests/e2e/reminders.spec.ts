// Reminders end to end in Chromium: the settings switch asks for permission and stores this device's subscription,
// the tick sends a reminder at the Hunter's 08:00 to a local push service that verifies and decrypts it, CDP hands
// that payload to the real service worker, the notification it shows is read back, and its "Check in" action
// records the check-in for the reminder's day. A real subscription needs Google's servers, so pushManager is stubbed
// to return the local service's endpoint and keys.
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { startPushService, type PushService, type PushSubscriptionJson } from "../support/push-service.mjs";
import { E2E_BASE_URL, sessionCookie } from "../support/browser.mjs";
import { addDays, client, createHunter, CRON_SECRET, getPlayer, json, setClock } from "./support/api";
import { E2E_PUSH_PORT } from "./support/push";

let push: PushService;
test.beforeAll(async () => {
  push = await startPushService({ port: E2E_PUSH_PORT });
});
test.afterAll(async () => push.close());

/** Makes pushManager.subscribe answer with `subscription`, as a browser would after talking to its push service. */
async function stubPushManager(context: BrowserContext, subscription: PushSubscriptionJson) {
  await context.addInitScript((sub) => {
    const bytes = (base64url: string) => {
      const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
      const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
      return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
    };
    let current: object | null = null;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey;
      current = {
        endpoint: sub.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: typeof key === "string" ? bytes(key) : key },
        getKey: (name: "p256dh" | "auth") => bytes(sub.keys[name]),
        toJSON: () => sub,
        unsubscribe: async () => ((current = null), true),
      };
      return current as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
  }, subscription);
}

/** A Hunter made through the API (time zone UTC), signed in on this browser context with their session cookie. */
async function signedIn(context: BrowserContext, request: APIRequestContext) {
  const hunter = await createHunter(request);
  const cookies = await sessionCookie(E2E_BASE_URL, hunter.email, hunter.password);
  await context.addCookies(
    cookies.split("; ").map((cookie) => {
      const [name, ...value] = cookie.split("=");
      return { name: name!, value: value.join("="), url: E2E_BASE_URL };
    }),
  );
  return hunter;
}

async function underServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
}

test("a reminder arrives: switch on, tick at 08:00, the service worker shows it and its Check in counts", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const subscription = push.subscription();
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await stubPushManager(context, subscription);
  const api = client(request, await signedIn(context, request));
  const created = await api.post("/api/v1/quests", {
    kind: "DAILY",
    title: "Read 10 pages",
    difficulty: "EASY",
    stats: ["INT"],
    reminderTimes: ["08:00"],
  });
  const { quest } = await json<{ quest: { id: string } }>(created, 201);

  await page.goto("/settings");
  await underServiceWorker(page);
  const toggle = page.getByRole("switch", { name: "Enable reminders on this device" });
  await expect(toggle).toBeEnabled();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("[SYSTEM] Reminders are on for this device.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Devices with reminders" })).toContainText("this device");
  const { devices } = await json<{ devices: { endpoint: string }[] }>(await api.get("/api/v1/push/subscriptions"), 200);
  expect(devices.map((d) => d.endpoint)).toEqual([subscription.endpoint]);

  // Tomorrow at 08:00 on the Hunter's clock (UTC), then the tick.
  const tomorrow = addDays((await getPlayer(api)).today, 1);
  await setClock(api, `${tomorrow}T08:00:00Z`);
  const tick = await request.get("/api/cron/tick", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  const run = await json<{ notifications: { delivery: { sent: number } } }>(tick, 200);
  expect(run.notifications.delivery.sent).toBeGreaterThanOrEqual(1);
  const [message] = push.to(subscription.endpoint);
  expect(push.rejected).toEqual([]);
  expect(message!.payload).toMatchObject({
    title: "[SYSTEM] Read 10 pages",
    url: `/quests/${quest.id}`,
    checkIn: { questId: quest.id, day: tomorrow },
  });

  // The decrypted payload, handed to the real service worker as the push service would.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(baseURL!));
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(baseURL!).origin,
    registrationId: await registrationId,
    data: JSON.stringify(message!.payload),
  });
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        icon: n.icon,
        badge: n.badge,
        actions: (n as Notification & { actions?: { action: string; title: string }[] }).actions?.map(
          ({ action, title }) => ({ action, title }),
        ),
      })),
    );
  await expect.poll(shown).toHaveLength(1);
  const [notification] = await shown();
  expect(notification).toMatchObject({
    title: "[SYSTEM] Read 10 pages",
    body: "Daily quest incomplete. Complete it before the day ends.",
    tag: `q-${quest.id}`,
    icon: `${new URL(baseURL!).origin}/icons/icon-192.png`,
    badge: `${new URL(baseURL!).origin}/icons/badge-96.png`,
  });
  expect(notification!.actions).toEqual([{ action: "check-in", title: "Check in" }]);

  // "Check in" on it, as the Hunter's tap would dispatch it: the check-in counts for the reminder's day.
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(async () => {
    const [shownNotification] = await (self as unknown as ServiceWorkerGlobalScope).registration.getNotifications();
    const click = new NotificationEvent("notificationclick", { notification: shownNotification!, action: "check-in" });
    try {
      self.dispatchEvent(click);
    } catch {
      // A script-made event cannot be extended (waitUntil); the handler's work runs all the same.
    }
  });
  await expect.poll(async () => (await getPlayer(api)).quests.find((q) => q.id === quest.id)?.completionsToday).toBe(1);
  await expect
    .poll(async () => (await shown()).map((n) => n.body))
    .toEqual([`Check-in recorded for ${tomorrow}: +50 XP.`]);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`settings' reminders and the inbox fit ${viewport.width}×${viewport.height}`, async ({
    browser,
    request,
  }, testInfo) => {
    const context = await browser.newContext({ viewport });
    const api = client(request, await signedIn(context, request));
    await json(await api.post("/api/v1/player/job", { job: "MAGE" }), 200); // The Awakened: one inbox item
    await json(await api.post("/api/v1/push/subscriptions", push.subscription()), 201);
    const page = await context.newPage();
    await page.goto("/settings");
    await expect(page.getByRole("switch", { name: "Enable reminders on this device" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Devices with reminders" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Inbox, 1 unread" })).toBeVisible();
    // Times of day are 24-hour HH:MM here as everywhere, whatever the browser's locale (en-US here).
    await expect(page.getByLabel("Last-chance warning at 20:00")).toBeChecked();
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("22:00");
    await expect(page.getByLabel("Until", { exact: true })).toHaveValue("07:00");
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.getByRole("heading", { name: "Notifications" }).scrollIntoViewIfNeeded();
    expect(await fits()).toBe(true);
    await page.screenshot({ path: testInfo.outputPath("settings-notifications.png"), fullPage: true });

    await page.getByRole("link", { name: "Inbox, 1 unread" }).click();
    await expect(page.getByText("[SYSTEM] Achievement unlocked: The Awakened")).toBeVisible();
    await expect(page.getByText(/^[A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}$/)).toBeVisible();
    expect(await fits()).toBe(true);
    await page.screenshot({ path: testInfo.outputPath("inbox.png") });
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
    await context.close();
  });
}
