import "server-only";
import Bowser from "bowser";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isAllowedEndpoint } from "@/lib/notifications/endpoints";
import { vapidDetails } from "@/lib/notifications/push";
import { MAX_DEVICES } from "@/lib/notifications/rules";
import { DEVICE_FIELDS, toDevice, type Device } from "@/lib/notifications/queries";
import type { PushSubscriptionInput } from "@/lib/notifications/schemas";

/** "Chrome on Android", from the User-Agent the subscription arrived with. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ?? "Unknown browser";
  return (os.name ? `${name} on ${os.name}` : name).slice(0, 100);
}

/** The public half of the VAPID key pair (browsers subscribe with it), or null when push is off here. */
export function publicVapidKey(): string | null {
  return vapidDetails()?.publicKey ?? null;
}

/**
 * Stores a browser's subscription for the Hunter, or refreshes it (the re-sync on every app start): keys, name and
 * lastSeenAt. An endpoint another Hunter held moves to this one, since it is the same browser now signed in to
 * them. Beyond MAX_DEVICES, the devices not seen for longest are dropped.
 */
export async function subscribe(
  playerId: string,
  input: PushSubscriptionInput,
  userAgent: string | null,
  now: Date,
): Promise<{ device: Device; created: boolean }> {
  if (!vapidDetails()) throw new AppError("CONFLICT", "Reminders are not set up on this server (no VAPID keys)");
  if (!isAllowedEndpoint(input.endpoint, env().PUSH_ALLOWED_ORIGINS)) {
    throw new AppError("VALIDATION_FAILED", "The request is invalid", {
      endpoint: "Not a browser push service this server sends to",
    });
  }
  const fields = { playerId, p256dh: input.keys.p256dh, auth: input.keys.auth, device: deviceName(userAgent) };
  const existing = await db.pushSubscription.findUnique({ where: { endpoint: input.endpoint }, select: { id: true } });
  const row = await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { ...fields, endpoint: input.endpoint, createdAt: now, lastSeenAt: now },
    update: { ...fields, lastSeenAt: now },
    select: DEVICE_FIELDS,
  });
  const stale = await db.pushSubscription.findMany({
    where: { playerId },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    skip: MAX_DEVICES,
    select: { id: true },
  });
  if (stale.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  return { device: toDevice(row), created: existing === null };
}

/** Forgets one of the Hunter's devices, by its endpoint (this browser) or its id (the settings list). */
export async function unsubscribe(playerId: string, which: { endpoint: string } | { id: string }): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({ where: { playerId, ...which } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such device");
}
