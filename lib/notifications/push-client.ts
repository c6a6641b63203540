// The browser's side of Web Push: permission (asked only at the Hunter's tap), this device's subscription, and the
// re-sync on every app start that keeps the server's copy current (a subscription the browser rotated, a device
// the server forgot after a 410, a VAPID key that changed).

/** Set when the Hunter turned reminders on on this device; a re-sync never subscribes a device they turned off. */
const WANTED = "the-system:push";

export type PushAvailability = "unsupported" | "unconfigured" | "denied" | "ready";

const json = { "Content-Type": "application/json" };

export async function vapidPublicKey(): Promise<string | null> {
  const response = await fetch("/api/v1/push/key", { cache: "no-store" });
  if (!response.ok) return null;
  return ((await response.json()) as { publicKey: string | null }).publicKey;
}

/**
 * The service worker's registration once it is active. Only production builds register one (lib/offline/sw-client.ts);
 * elsewhere there is none, and push is unavailable.
 */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return null;
  if (process.env.NODE_ENV !== "production") return (await navigator.serviceWorker.getRegistration("/")) ?? null;
  return navigator.serviceWorker.ready;
}

export async function availability(key: string | null): Promise<PushAvailability> {
  if (!(await registration())) return "unsupported";
  if (!key) return "unconfigured";
  return Notification.permission === "denied" ? "denied" : "ready";
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  return (await (await registration())?.pushManager.getSubscription()) ?? null;
}

function sameKey(subscription: PushSubscription, key: string): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const base64 = btoa(String.fromCharCode(...new Uint8Array(current)));
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") === key;
}

async function store(subscription: PushSubscription): Promise<void> {
  const response = await fetch("/api/v1/push/subscriptions", {
    method: "POST",
    headers: json,
    body: JSON.stringify(subscription.toJSON()),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server refused this device (${response.status})`);
  }
}

async function subscribeWith(key: string): Promise<PushSubscription> {
  const reg = await registration();
  if (!reg) throw new Error("This browser cannot receive push notifications");
  const existing = await reg.pushManager.getSubscription();
  if (existing && sameKey(existing, key)) return existing;
  await existing?.unsubscribe();
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/**
 * "Enable reminders on this device": asks for permission first thing in the tap (browsers only show the prompt
 * from a user gesture), then subscribes and stores the subscription.
 */
export async function enablePush(key: string): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new Error("Notifications are blocked for this site in the browser's settings");
  localStorage.setItem(WANTED, "on");
  await store(await subscribeWith(key));
}

/** Turns this device off: the server forgets it and the browser drops the subscription. */
export async function disablePush(): Promise<void> {
  localStorage.removeItem(WANTED);
  const subscription = await currentSubscription();
  if (!subscription) return;
  await fetch("/api/v1/push/subscriptions", {
    method: "DELETE",
    headers: json,
    body: JSON.stringify({ endpoint: subscription.endpoint }),
  });
  await subscription.unsubscribe();
}

/**
 * On every app start: re-sends this device's subscription (the server may have forgotten it after a 410), renewing
 * it when the key changed or the browser dropped it while the Hunter still wants reminders here.
 */
export async function resyncPush(): Promise<void> {
  if (!(await registration()) || Notification.permission !== "granted") return;
  if (!(await currentSubscription()) && localStorage.getItem(WANTED) !== "on") return;
  const key = await vapidPublicKey();
  if (key) await store(await subscribeWith(key));
}
