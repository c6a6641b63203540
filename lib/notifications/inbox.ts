import "server-only";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { onRealClock, playerNow, type Clocks } from "@/lib/notifications/clocks";
import type { PushPayload } from "@/lib/notifications/payload";
import {
  achievementMessage,
  earliest,
  INBOX_LOOKBACK_DAYS,
  INBOX_SIZE,
  levelUpMessage,
  mayPush,
  minutesAfter,
  pushWindowEnd,
  PUSH_WINDOW_MINUTES,
  rankUpMessage,
  topicFor,
  type Message,
  type NotificationKind,
} from "@/lib/notifications/rules";
import type { MarkReadInput } from "@/lib/notifications/schemas";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { localMinuteOfDay } from "@/lib/time/rules";

/**
 * Brings level-ups, passed Rank Trials and unlocked achievements since `since` into the inbox, from the rows that
 * record them (the ledger's stat points, RankTrial.passedAt, AchievementUnlock), so no game service needs to know
 * the inbox exists. One statement; the unique key makes repeats harmless. Scoped to one Hunter, or to everyone's
 * recent events (the tick, whose reads go through the time indexes).
 */
export async function materializeInbox(scope: { playerId?: string; since: Date }): Promise<number> {
  const mine = (column: Prisma.Sql) => (scope.playerId ? Prisma.sql`AND ${column} = ${scope.playerId}` : Prisma.empty);
  return db.$executeRaw`
    INSERT INTO "Notification" (id, "playerId", type, subject, at, inbox, "pushDecided")
    SELECT gen_random_uuid()::text, e."playerId", e.type::"NotificationType", e.subject, e.at, true, false
    FROM (
      SELECT a."playerId", 'ACHIEVEMENT' AS type, a."achievementId" AS subject, a."unlockedAt" AS at
      FROM "AchievementUnlock" a WHERE a."unlockedAt" >= ${scope.since}::timestamp ${mine(Prisma.sql`a."playerId"`)}
      UNION ALL
      SELECT r."playerId", 'RANK_UP', r."targetRank"::text, r."passedAt"
      FROM "RankTrial" r WHERE r."passedAt" >= ${scope.since}::timestamp ${mine(Prisma.sql`r."playerId"`)}
      UNION ALL
      SELECT l."playerId", 'LEVEL_UP', p.level::text, max(l."createdAt")
      FROM "LedgerEntry" l JOIN "Player" p ON p.id = l."playerId"
      WHERE l."createdAt" >= ${scope.since}::timestamp AND l."statPoints" > 0 ${mine(Prisma.sql`l."playerId"`)}
      GROUP BY l."playerId", p.level
    ) AS e
    ON CONFLICT DO NOTHING`;
}

function messageOf(type: NotificationKind, subject: string): Message & { url: string } {
  if (type === "LEVEL_UP") return { ...levelUpMessage(Number(subject)), url: "/dashboard" };
  if (type === "RANK_UP") return { ...rankUpMessage(subject), url: "/dashboard" };
  return { ...achievementMessage(ACHIEVEMENTS.find((a) => a.id === subject)), url: "/achievements" };
}

/**
 * Decides, once, whether each new inbox event is also pushed: only when the Hunter switched that kind on, has a
 * device, and it is not quiet hours, within an hour of the event reaching the inbox.
 */
export async function pushInboxEvents(clocks: Clocks, batchSize: number): Promise<number> {
  const events = await db.notification.findMany({
    where: { pushDecided: false },
    take: batchSize,
    select: {
      id: true,
      playerId: true,
      type: true,
      subject: true,
      createdAt: true,
      player: {
        select: { timeZone: true, notificationPrefs: true, _count: { select: { pushSubscriptions: true } } },
      },
    },
  });
  if (events.length === 0) return 0;
  const pushed = events.flatMap((event) => {
    const { timeZone, notificationPrefs, _count } = event.player;
    const prefs = notificationPrefsOf(notificationPrefs);
    const now = playerNow(clocks, event.playerId);
    const end = minutesAfter(event.createdAt, PUSH_WINDOW_MINUTES);
    if (_count.pushSubscriptions === 0 || end <= clocks.now) return [];
    if (!mayPush(event.type, prefs, localMinuteOfDay(now, timeZone))) return [];
    const { url, ...message } = messageOf(event.type, event.subject);
    const payload: PushPayload = { id: event.id, ...message, url, tag: topicFor(event.type, event.subject) };
    // The window runs (in real time) from when the event reached the inbox; quiet hours are on the Hunter's clock.
    const quiet = pushWindowEnd(minutesAfter(now, PUSH_WINDOW_MINUTES), event.type, prefs, timeZone, now);
    return [
      {
        id: event.id,
        payload: JSON.stringify(payload),
        until: earliest(end, onRealClock(clocks, event.playerId, quiet)),
      },
    ];
  });
  await db.notification.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { pushDecided: true } });
  if (pushed.length === 0) return 0;
  return db.$executeRaw`
    WITH decided AS (
      UPDATE "Notification" n SET payload = v.payload::jsonb, "pushUntil" = v.until
      FROM unnest(${pushed.map((p) => p.id)}::text[], ${pushed.map((p) => p.payload)}::text[],
        ${pushed.map((p) => p.until)}::timestamp[]) AS v(id, payload, until)
      WHERE n.id = v.id
      RETURNING n.id, n."playerId"
    )
    INSERT INTO "PushDelivery" ("notificationId", "subscriptionId", "notBefore")
    SELECT d.id, s.id, ${clocks.now}::timestamp FROM decided d JOIN "PushSubscription" s ON s."playerId" = d."playerId"`;
}

export type InboxItem = {
  id: string;
  type: NotificationKind;
  title: string;
  body: string;
  url: string;
  at: string;
  read: boolean;
};

export type Inbox = { unread: number; items: InboxItem[] };

/**
 * The Hunter's inbox, newest first, with their events of the last week brought in first (the events' rows are
 * stamped in real time, so the look-back is too).
 */
export async function readInbox(playerId: string): Promise<Inbox> {
  await materializeInbox({ playerId, since: new Date(Date.now() - INBOX_LOOKBACK_DAYS * 86_400_000) });
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { playerId, inbox: true },
      orderBy: { at: "desc" },
      take: INBOX_SIZE,
      select: { id: true, type: true, subject: true, at: true, readAt: true },
    }),
    db.notification.count({ where: { playerId, inbox: true, readAt: null } }),
  ]);
  return {
    unread,
    items: rows.map((row) => {
      const { url, title, body } = messageOf(row.type, row.subject);
      return { id: row.id, type: row.type, title, body, url, at: row.at.toISOString(), read: row.readAt !== null };
    }),
  };
}

/** Marks some of the Hunter's inbox items, or all of them, read; ids that are not theirs change nothing. */
export async function markInboxRead(playerId: string, input: MarkReadInput, now: Date): Promise<{ unread: number }> {
  await db.notification.updateMany({
    where: { playerId, inbox: true, readAt: null, ...(input.ids && { id: { in: input.ids } }) },
    data: { readAt: now },
  });
  return { unread: await db.notification.count({ where: { playerId, inbox: true, readAt: null } }) };
}
