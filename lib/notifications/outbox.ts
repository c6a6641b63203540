import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { PushPayload } from "@/lib/notifications/payload";
import type { NotificationKind } from "@/lib/notifications/rules";

/** A notification the tick decided on. */
export type Planned = {
  id: string;
  playerId: string;
  type: NotificationKind;
  subject: string;
  dayKey: string;
  slot: string;
  /** When it fell due, on the Hunter's clock. */
  at: Date;
  /** What to push and until when (real time); null: decided against, recorded so it is not judged again. */
  push: { payload: PushPayload; until: Date } | null;
};

export const newNotificationId = (): string => randomUUID();

/**
 * Records planned notifications and queues a delivery to each of the Hunter's devices, in one statement. The unique
 * (player, type, subject, day, slot) row makes this at most once: a row already there (an earlier or overlapping
 * tick) is left alone and queues nothing. Returns the deliveries queued.
 */
export async function recordNotifications(planned: readonly Planned[], now: Date): Promise<number> {
  if (planned.length === 0) return 0;
  const column = <T>(pick: (row: Planned) => T) => planned.map(pick);
  return db.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.id)}::text[], ${column((r) => r.playerId)}::text[], ${column((r) => r.type)}::text[],
        ${column((r) => r.subject)}::text[], ${column((r) => r.dayKey)}::text[], ${column((r) => r.slot)}::text[],
        ${column((r) => r.at)}::timestamp[], ${column((r) => (r.push ? JSON.stringify(r.push.payload) : null))}::text[],
        ${column((r) => r.push?.until ?? null)}::timestamp[]
      ) AS t(id, "playerId", type, subject, "dayKey", slot, at, payload, "pushUntil")
    ), inserted AS (
      INSERT INTO "Notification" (id, "playerId", type, subject, "dayKey", slot, at, payload, "pushUntil")
      SELECT id, "playerId", type::"NotificationType", subject, "dayKey", slot, at, payload::jsonb, "pushUntil"
      FROM input
      ON CONFLICT DO NOTHING
      RETURNING id, "playerId", "pushUntil"
    )
    INSERT INTO "PushDelivery" ("notificationId", "subscriptionId", "notBefore")
    SELECT i.id, s.id, ${now}::timestamp
    FROM inserted i JOIN "PushSubscription" s ON s."playerId" = i."playerId"
    WHERE i."pushUntil" IS NOT NULL`;
}
