"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { QuestRef, Reply } from "@/components/check-ins/use-check-ins";
import { enqueueCheckIn, listPendingCheckIns, onQueueChange } from "@/lib/offline/queue";
import { syncReportText, type PendingCheckIn } from "@/lib/offline/rules";
import { refreshOfflineCopy } from "@/lib/offline/sw-client";
import { syncPendingCheckIns } from "@/lib/offline/sync";

function subscribeToConnection(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** navigator.onLine, re-read on the browser's online/offline events; the server render assumes online. */
function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeToConnection,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * The offline queue of check-ins: what waits in IndexedDB (with its idempotency key and the time it happened),
 * sent when the connection returns and on every load; the System's reply to what was synced or refused goes to
 * `say`, like a live reply.
 */
export function useOfflineQueue(say: (reply: Reply) => void) {
  const router = useRouter();
  const online = useOnline();
  const [queue, setQueue] = useState<PendingCheckIn[]>([]);
  const [syncing, setSyncing] = useState(false);

  const reloadQueue = useCallback(() => {
    listPendingCheckIns().then(setQueue, () => setQueue([]));
  }, []);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    const waiting = await listPendingCheckIns().catch(() => []);
    if (waiting.length === 0) return;
    setSyncing(true);
    try {
      const report = await syncPendingCheckIns();
      const [refused] = report.refused;
      const synced = syncReportText(report.sent);
      if (refused) {
        const more = report.refused.length > 1 ? ` (and ${report.refused.length - 1} more)` : "";
        say({
          text: `[SYSTEM] The offline check-in of '${refused.item.questTitle}' was refused${more}: ${refused.message ?? `error ${refused.status}`}`,
          error: true,
          questId: null,
        });
      } else if (synced) {
        say({ text: synced, error: false, questId: null });
      }
      if (report.sent.length > 0 || report.refused.length > 0) {
        router.refresh();
        refreshOfflineCopy();
      }
    } finally {
      setSyncing(false);
      reloadQueue();
    }
  }, [reloadQueue, router, say]);

  useEffect(() => {
    refreshOfflineCopy({ ifMissing: true });
    reloadQueue();
    // On every load too: the connection may have come back while the app was closed.
    const first = setTimeout(() => void sync(), 0);
    const stop = onQueueChange(reloadQueue);
    const onOnline = () => void sync();
    window.addEventListener("online", onOnline);
    return () => {
      clearTimeout(first);
      stop();
      window.removeEventListener("online", onOnline);
    };
  }, [reloadQueue, sync]);

  async function enqueue(quest: QuestRef, item: Omit<PendingCheckIn, "questId" | "questTitle">) {
    try {
      await enqueueCheckIn({ ...item, questId: quest.id, questTitle: quest.title });
    } catch {
      // No IndexedDB (a locked-down browser): say so rather than pretend it was kept.
      const text = "[SYSTEM] Offline, and this browser cannot keep check-ins. Try again online.";
      say({ text, error: true, questId: quest.id });
      return;
    }
    const text = `[SYSTEM] '${quest.title}' recorded offline. It will sync when the connection returns.`;
    say({ text, error: false, questId: quest.id });
  }

  return { online, queue, syncing, sync, enqueue };
}
