/// <reference lib="webworker" />
// Push in the service worker (bundled into public/sw.js from lib/offline/sw.ts): every push becomes a notification
// with the System's icon and badge, a tap opens what it is about, and a quest reminder's "Check in" records the
// check-in for the day the reminder was for — through the offline queue when there is no network.
import { config } from "zod/mini";
import { INBOX_CHANGED } from "@/lib/notifications/inbox-event";
import { CHECK_IN_ACTION, checkInInstant, pushPayloadSchema } from "@/lib/notifications/payload";
import { enqueueCheckIn } from "@/lib/offline/queue";

// The worker is served with the pages' CSP rules in mind: parse without `new Function`.
config({ jitless: true });

const ICON = "/icons/icon-192.png";
const BADGE = "/icons/badge-96.png";

type CheckIn = NonNullable<ReturnType<typeof pushPayloadSchema.parse>["checkIn"]>;

async function show(sw: ServiceWorkerGlobalScope, title: string, options: NotificationOptions): Promise<void> {
  await sw.registration.showNotification(title, { icon: ICON, badge: BADGE, ...options });
}

/** Never rejects: a push handler that fails makes the browser show its own "updated in the background" notice. */
async function showPush(sw: ServiceWorkerGlobalScope, data: PushMessageData | null): Promise<void> {
  try {
    const payload = pushPayloadSchema.parse(data?.json());
    await show(sw, payload.title, {
      body: payload.body,
      tag: payload.tag,
      data: payload,
      // A quest with a target needs an amount, so its reminder has no action: the tap opens the quest.
      ...(payload.checkIn && { actions: [{ action: CHECK_IN_ACTION, title: "Check in" }] }),
    } as NotificationOptions);
    const pages = await sw.clients.matchAll({ type: "window" });
    for (const page of pages) page.postMessage({ type: INBOX_CHANGED });
  } catch {
    await show(sw, "[SYSTEM] The System", { body: "Open the app to see what the System has to say." }).catch(
      () => undefined,
    );
  }
}

/** Opens (or focuses and navigates) a window of this app at `path`. */
async function open(sw: ServiceWorkerGlobalScope, path: string): Promise<void> {
  const url = new URL(path, sw.location.origin).href;
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  const existing = windows.find((client) => new URL(client.url).origin === sw.location.origin);
  if (existing) {
    await existing.focus();
    if (await existing.navigate(url).catch(() => null)) return;
  }
  await sw.clients.openWindow(url);
}

/**
 * "Check in" on a reminder: recorded at an instant inside the reminder's System day (checkInInstant), with one
 * idempotency key per reminder, so a tap after midnight counts for the day it reminded about and a second tap, or
 * the same reminder on another device, counts once. Offline (or the server away), it waits in the offline queue.
 */
async function checkIn(sw: ServiceWorkerGlobalScope, item: CheckIn, tag: string): Promise<void> {
  const happenedAt = checkInInstant(item, new Date()).toISOString();
  const queued = {
    idempotencyKey: item.idempotencyKey,
    questId: item.questId,
    questTitle: item.questTitle,
    happenedAt,
  };
  let response: Response;
  try {
    response = await fetch(`/api/v1/quests/${encodeURIComponent(item.questId)}/check-ins`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ idempotencyKey: item.idempotencyKey, happenedAt }),
      credentials: "same-origin",
    });
  } catch {
    response = new Response(null, { status: 503 });
  }
  if (response.status === 401) return open(sw, "/sign-in");
  if (response.status >= 500) {
    await enqueueCheckIn(queued);
    return show(sw, `[SYSTEM] ${item.questTitle}`, { tag, body: "Check-in kept: it syncs when you are back online." });
  }
  const body = (await response.json().catch(() => null)) as {
    award?: { xp: number };
    error?: { message?: string };
  } | null;
  const text = response.ok
    ? `Check-in recorded for ${item.day}${body?.award?.xp ? `: +${body.award.xp} XP` : ""}.`
    : (body?.error?.message ?? "The System refused this check-in.");
  await show(sw, `[SYSTEM] ${item.questTitle}`, { tag, body: text });
}

async function onClick(sw: ServiceWorkerGlobalScope, event: NotificationEvent): Promise<void> {
  const payload = pushPayloadSchema.safeParse(event.notification.data);
  event.notification.close();
  if (!payload.success) return open(sw, "/dashboard");
  if (event.action === CHECK_IN_ACTION && payload.data.checkIn) {
    return checkIn(sw, payload.data.checkIn, payload.data.tag).catch(() => undefined);
  }
  return open(sw, payload.data.url);
}

/** The browser replaced the subscription (keys rotated, expired): store the new one, as the app would on start. */
async function resubscribe(sw: ServiceWorkerGlobalScope, event: Event): Promise<void> {
  const { oldSubscription, newSubscription } = event as Event & {
    oldSubscription?: PushSubscription | null;
    newSubscription?: PushSubscription | null;
  };
  const key = oldSubscription?.options.applicationServerKey;
  const next =
    newSubscription ??
    (key ? await sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
  if (!next) return;
  await fetch("/api/v1/push/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(next.toJSON()),
    credentials: "same-origin",
  });
}

export function registerPushHandlers(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener("push", (event) => event.waitUntil(showPush(sw, event.data)));
  sw.addEventListener("notificationclick", (event) => event.waitUntil(onClick(sw, event)));
  sw.addEventListener("pushsubscriptionchange", (event) => {
    (event as ExtendableEvent).waitUntil(resubscribe(sw, event).catch(() => undefined));
  });
}
