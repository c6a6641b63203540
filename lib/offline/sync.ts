import { drainQueue, type DrainReport, type SendResult, type SyncedAward } from "@/lib/offline/drain";
import { listPendingCheckIns, removePendingCheckIn } from "@/lib/offline/queue";
import type { PendingCheckIn } from "@/lib/offline/rules";

/** Sends one queued check-in with its idempotency key and the time it happened; null on a network failure. */
async function sendCheckIn(item: PendingCheckIn): Promise<SendResult> {
  try {
    const response = await fetch(`/api/v1/quests/${encodeURIComponent(item.questId)}/check-ins`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ idempotencyKey: item.idempotencyKey, happenedAt: item.happenedAt, value: item.value }),
      credentials: "same-origin",
      cache: "no-store",
    });
    if (response.ok) {
      const body = (await response.json().catch(() => null)) as { award?: SyncedAward } | null;
      return { status: response.status, award: body?.award };
    }
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      status: response.status,
      message: body?.error?.message,
      ...(retryAfter > 0 && { retryAfter }),
    };
  } catch {
    return null;
  }
}

let running: Promise<DrainReport> | null = null;
let later: ReturnType<typeof setTimeout> | undefined;

/** The longest the queue waits for a server that asked it to come back later (Retry-After). */
const MAX_RETRY_AFTER_SECONDS = 300;

/**
 * Sends what the queue holds. One pass at a time in this tab (a second call joins the running one) and, where the
 * browser has Web Locks, across tabs; the idempotency keys make an overlap harmless anyway.
 */
export function syncPendingCheckIns(): Promise<DrainReport> {
  running ??= (async () => {
    const drain = () => drainQueue({ list: listPendingCheckIns, remove: removePendingCheckIn, send: sendCheckIn });
    try {
      const report = navigator.locks ? await navigator.locks.request("the-system:check-in-sync", drain) : await drain();
      // The server is up but could not take them now (its database is away): come back when it said to.
      if (report.kept > 0 && report.retryAfter) retryLater(report.retryAfter);
      return report;
    } finally {
      running = null;
    }
  })();
  return running;
}

function retryLater(seconds: number): void {
  clearTimeout(later);
  later = setTimeout(() => void syncPendingCheckIns(), Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000);
}
