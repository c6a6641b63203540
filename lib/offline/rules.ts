/** Pure rules of the offline check-in queue: no I/O, so they are unit-tested in Node. */

/** A check-in made while offline, waiting in IndexedDB to be sent. */
export type PendingCheckIn = {
  /** Chosen when the Hunter tapped; the server counts each key once, however often it is sent. */
  idempotencyKey: string;
  questId: string;
  questTitle: string;
  /** When it happened (ISO): the server judges the day from this, not from when it arrives. */
  happenedAt: string;
  /** The amount, for a quest with a numeric target. */
  value?: number;
};

/** What to do with a queued check-in after one attempt to send it. */
export type SendVerdict =
  /** Counted (2xx, including a 200 replay of a key the server already has): remove it. */
  | "sent"
  /** Refused for good (any other 4xx: unknown quest, too old to backfill...): remove it, sending again won't help. */
  | "refused"
  /** Not now (401 signed out, 429 rate limited): keep it and stop, the rest would fare the same. */
  | "stop"
  /** Kept for the next sync (5xx; a 503 with Retry-After schedules it, lib/offline/sync.ts). */
  | "retry";

export function verdictFor(status: number): SendVerdict {
  if (status >= 200 && status < 300) return "sent";
  if (status === 401 || status === 429) return "stop";
  if (status >= 400 && status < 500) return "refused";
  return "retry";
}

/** Oldest first, so days and streaks are replayed in the order they were lived. */
export function inSendOrder(items: readonly PendingCheckIn[]): PendingCheckIn[] {
  return [...items].sort(
    (a, b) => a.happenedAt.localeCompare(b.happenedAt) || a.idempotencyKey.localeCompare(b.idempotencyKey),
  );
}

export function pendingCountByQuest(items: readonly PendingCheckIn[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.questId, (counts.get(item.questId) ?? 0) + 1);
  return counts;
}

const checkIns = (count: number) => (count === 1 ? "1 check-in" : `${count} check-ins`);

/** The line under the quest list saying where the queue stands; null when there is nothing to say. */
export function syncStateText({
  online,
  pending,
  syncing,
}: {
  online: boolean;
  pending: number;
  syncing: boolean;
}): string | null {
  if (!online) {
    return pending === 0
      ? "Offline — check-ins will sync when the connection returns"
      : `Offline — ${checkIns(pending)} will sync`;
  }
  if (pending === 0) return null;
  return syncing ? `Syncing ${checkIns(pending)}…` : `${checkIns(pending)} waiting to sync`;
}

/** What the System says after offline check-ins synced: their XP and any level-up, as a live check-in would. */
export function syncReportText(
  sent: ReadonlyArray<{ award?: { xp: number; held: boolean; levelUp: { to: number } | null } }>,
): string | null {
  if (sent.length === 0) return null;
  const xp = sent.reduce((sum, item) => sum + (item.award?.xp ?? 0), 0);
  const held = sent.some((item) => item.award?.held);
  const level = Math.max(0, ...sent.map((item) => item.award?.levelUp?.to ?? 0));
  const gain = held ? `+${xp} XP held in the Penalty Zone` : `${xp < 0 ? "−" : "+"}${Math.abs(xp)} XP`;
  const levelUp = level > 0 ? ` Level up! You are now level ${level}.` : "";
  return `[SYSTEM] ${checkIns(sent.length)} made offline synced: ${gain}.${levelUp}`;
}
