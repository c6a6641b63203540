import "server-only";
import pLimit from "p-limit";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics/registry";
import { endpointOrigin } from "@/lib/notifications/endpoints";
import { pushPayloadSchema } from "@/lib/notifications/payload";
import { sendPush, vapidDetails, type PushOutcome, type Vapid } from "@/lib/notifications/push";
import { MAX_PUSH_ATTEMPTS, topicFor, urgencyFor, type NotificationKind } from "@/lib/notifications/rules";

export type DeliveryOptions = {
  now: Date;
  /** Stop starting new sends after this instant (ms since the epoch): what is left waits for the next tick. */
  deadline: number;
  timeoutMs: number;
  /** Sends in flight at once, and at most this many to one push service, so a slow one cannot hold the rest. */
  concurrency: number;
  perOrigin: number;
  batchSize: number;
};

export type DeliveryReport = { sent: number; gone: number; retried: number; failed: number; expired: number };

type Leased = {
  notificationId: string;
  subscriptionId: string;
  attempts: number;
  type: NotificationKind;
  subject: string;
  payload: unknown;
  pushUntil: Date;
  endpoint: string;
  p256dh: string;
  auth: string;
};

/** A leased delivery is not picked up by an overlapping tick for this long: longer than any send may take. */
const LEASE_MS = 120_000;

/**
 * Takes up to `batchSize` deliveries that are due and still inside their window, pushing each one's notBefore past
 * the lease: concurrent ticks skip locked rows and re-check the condition, so no delivery is sent twice at once.
 */
async function lease(now: Date, batchSize: number): Promise<Leased[]> {
  return db.$queryRaw<Leased[]>`
    UPDATE "PushDelivery" d
    SET "notBefore" = ${new Date(now.getTime() + LEASE_MS)}::timestamp, attempts = d.attempts + 1
    FROM "Notification" n, "PushSubscription" s
    WHERE (d."notificationId", d."subscriptionId") IN (
        SELECT "notificationId", "subscriptionId" FROM "PushDelivery"
        WHERE "notBefore" <= ${now}::timestamp
        ORDER BY "notBefore"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      AND n.id = d."notificationId" AND s.id = d."subscriptionId" AND n."pushUntil" > ${now}::timestamp
    RETURNING d."notificationId", d."subscriptionId", d.attempts, n.type::text AS type, n.subject, n.payload,
      n."pushUntil", s.endpoint, s.p256dh, s.auth`;
}

/** Deliveries whose window has closed: a late reminder is worse than none. */
async function dropExpired(now: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "PushDelivery" d USING "Notification" n
    WHERE n.id = d."notificationId" AND (n."pushUntil" IS NULL OR n."pushUntil" <= ${now}::timestamp)`;
}

async function sendAll(batch: Leased[], vapid: Vapid, options: DeliveryOptions): Promise<PushOutcome[]> {
  const all = pLimit(options.concurrency);
  const perOrigin = new Map<string, ReturnType<typeof pLimit>>();
  const limiterFor = (endpoint: string) => {
    const origin = endpointOrigin(endpoint);
    if (!perOrigin.has(origin)) perOrigin.set(origin, pLimit(options.perOrigin));
    return perOrigin.get(origin)!;
  };
  return Promise.all(
    batch.map((item) =>
      // The origin's own limit first: a slow service queues behind itself, not in front of the others.
      limiterFor(item.endpoint)(() =>
        all(async (): Promise<PushOutcome> => {
          if (Date.now() >= options.deadline) return { outcome: "retry", status: 0, retryAfterMs: 0 };
          const payload = pushPayloadSchema.safeParse(item.payload);
          if (!payload.success) return { outcome: "failed", status: 0 };
          const ttlSeconds = Math.max(1, Math.floor((item.pushUntil.getTime() - Date.now()) / 1000));
          return sendPush(item, payload.data, {
            vapid,
            ttlSeconds,
            topic: topicFor(item.type, item.subject),
            urgency: urgencyFor(item.type),
            timeoutMs: options.timeoutMs,
          });
        }),
      ),
    ),
  );
}

/** Applies a batch's outcomes in three statements: done ones deleted, gone devices deleted, the rest rescheduled. */
async function settle(batch: Leased[], outcomes: PushOutcome[], now: Date, report: DeliveryReport): Promise<void> {
  const done: Leased[] = [];
  const gone = new Set<string>();
  const retry: { item: Leased; at: Date }[] = [];
  batch.forEach((item, i) => {
    const result = outcomes[i]!;
    const counter = result.outcome === "retry" && item.attempts >= MAX_PUSH_ATTEMPTS ? "failed" : result.outcome;
    metrics().pushDeliveries.inc({ result: counter });
    if (result.outcome === "gone") {
      gone.add(item.subscriptionId);
      report.gone += 1;
    } else if (result.outcome === "retry" && item.attempts < MAX_PUSH_ATTEMPTS) {
      // Never this tick again: at the earliest the next one, later if the service asked (Retry-After).
      retry.push({ item, at: new Date(now.getTime() + Math.max(1_000, result.retryAfterMs)) });
      report.retried += 1;
    } else {
      done.push(item);
      if (result.outcome === "sent") report.sent += 1;
      else {
        report.failed += 1;
        const status = result.outcome === "failed" || result.outcome === "retry" ? result.status : 0;
        console.warn(`[push] ${endpointOrigin(item.endpoint)} refused a ${item.type} push (status ${status})`);
      }
    }
  });
  if (done.length > 0) {
    await db.$executeRaw`
      DELETE FROM "PushDelivery" WHERE ("notificationId", "subscriptionId") IN (
        SELECT * FROM unnest(${done.map((d) => d.notificationId)}::text[], ${done.map((d) => d.subscriptionId)}::text[]))`;
  }
  if (gone.size > 0) await db.pushSubscription.deleteMany({ where: { id: { in: [...gone] } } });
  if (retry.length > 0) {
    await db.$executeRaw`
      UPDATE "PushDelivery" d SET "notBefore" = v.at
      FROM unnest(${retry.map((r) => r.item.notificationId)}::text[], ${retry.map((r) => r.item.subscriptionId)}::text[],
        ${retry.map((r) => r.at)}::timestamp[]) AS v(n, s, at)
      WHERE d."notificationId" = v.n AND d."subscriptionId" = v.s`;
  }
}

/**
 * Sends every push that is due: 2xx done, 404/410 the device forgotten, 429/5xx/timeouts tried again on a later tick
 * (after Retry-After) while the window lasts, up to MAX_PUSH_ATTEMPTS. Batches until none is left or time is up.
 */
export async function deliverPending(options: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, gone: 0, retried: 0, failed: 0, expired: 0 };
  report.expired = await dropExpired(options.now);
  const vapid = vapidDetails();
  if (!vapid) return report;
  while (Date.now() < options.deadline) {
    const batch = await lease(options.now, options.batchSize);
    if (batch.length === 0) break;
    await settle(batch, await sendAll(batch, vapid, options), options.now, report);
    if (batch.length < options.batchSize) break;
  }
  return report;
}
