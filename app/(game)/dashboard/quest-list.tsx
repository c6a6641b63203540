"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { checkInQuest, undoQuestCheckIn } from "@/lib/check-ins/actions";
import { enqueueCheckIn, listPendingCheckIns, onQueueChange, removePendingCheckIn } from "@/lib/offline/queue";
import { pendingCountByQuest, syncStateText, type PendingCheckIn } from "@/lib/offline/rules";
import { refreshOfflineCopy } from "@/lib/offline/sw-client";
import { syncPendingCheckIns } from "@/lib/offline/sync";
import type { TodayQuest } from "@/lib/player/queries";
import { chime } from "@/lib/ui/sound";

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
 * Today's quests with one-tap check-in and undo. Offline, a check-in waits in IndexedDB with its idempotency key
 * and the time it happened, shows as pending, and is sent when the connection returns (and on every load).
 */
export function QuestList({ quests }: { quests: TodayQuest[] }) {
  const router = useRouter();
  const online = useOnline();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // Bumped on each success so the slash (or the level-up burst) replays; purely visual, hidden from screen readers.
  const [flourish, setFlourish] = useState<{ kind: "slash" | "level-up"; id: number } | null>(null);
  const [queue, setQueue] = useState<PendingCheckIn[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [pending, startTransition] = useTransition();

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
      if (refused) {
        const more = report.refused.length > 1 ? ` (and ${report.refused.length - 1} more)` : "";
        setMessage({
          text: `[SYSTEM] The offline check-in of '${refused.item.questTitle}' was refused${more}: ${refused.message ?? `error ${refused.status}`}`,
          error: true,
        });
      }
      if (report.sent.length > 0 || report.refused.length > 0) {
        router.refresh();
        refreshOfflineCopy();
      }
    } finally {
      setSyncing(false);
      reloadQueue();
    }
  }, [reloadQueue, router]);

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

  const pendingByQuest = pendingCountByQuest(queue);

  async function queueOffline(quest: TodayQuest, idempotencyKey: string, happenedAt: string) {
    try {
      await enqueueCheckIn({ idempotencyKey, questId: quest.id, questTitle: quest.title, happenedAt });
    } catch {
      // No IndexedDB (a locked-down browser): say so rather than pretend it was kept.
      setMessage({ text: "[SYSTEM] Offline, and this browser cannot keep check-ins. Try again online.", error: true });
      return;
    }
    setMessage({
      text: `[SYSTEM] '${quest.title}' recorded offline. It will sync when the connection returns.`,
      error: false,
    });
  }

  function complete(quest: TodayQuest) {
    const key = crypto.randomUUID();
    const happenedAt = new Date().toISOString();
    startTransition(async () => {
      if (!navigator.onLine) return queueOffline(quest, key, happenedAt);
      let result: Awaited<ReturnType<typeof checkInQuest>>;
      try {
        result = await checkInQuest(quest.id, key);
      } catch {
        // The request may or may not have arrived; the same key sent again later counts once either way.
        await queueOffline(quest, key, happenedAt);
        void sync();
        return;
      }
      if (!result.ok) return setMessage({ text: result.error, error: true });
      const { award } = result.data;
      const levelUp = award.levelUp ? ` Level up! You are now level ${award.levelUp.to}.` : "";
      const gain = award.held ? `+${award.xp} XP held in the Penalty Zone` : `+${award.xp} XP`;
      const unlocked = award.achievements.map((a) => ` Achievement unlocked: ${a.name}.`).join("");
      setMessage({ text: `[SYSTEM] You have defeated '${quest.title}'. ${gain}.${levelUp}${unlocked}`, error: false });
      const kind = award.levelUp ? "level-up" : "slash";
      setFlourish((last) => ({ kind, id: (last?.id ?? 0) + 1 }));
      chime(award.levelUp ? "level-up" : "check-in");
      refreshOfflineCopy();
    });
  }

  function undo(quest: TodayQuest) {
    const queued = queue.filter((item) => item.questId === quest.id).at(-1);
    // A check-in still waiting offline never reached the System: undoing it just takes it out of the queue.
    if (queued && !syncing) {
      startTransition(async () => {
        await removePendingCheckIn(queued.idempotencyKey);
        setMessage({ text: `[SYSTEM] '${quest.title}' undone.`, error: false });
      });
      return;
    }
    const last = quest.checkIns.at(-1);
    if (!last) return;
    if (!navigator.onLine) {
      setMessage({ text: "[SYSTEM] Undo needs a connection. Try again when you are back online.", error: true });
      return;
    }
    startTransition(async () => {
      try {
        const result = await undoQuestCheckIn(last.id);
        setMessage(
          result.ok ? { text: `[SYSTEM] '${quest.title}' undone.`, error: false } : { text: result.error, error: true },
        );
        if (result.ok) refreshOfflineCopy();
      } catch {
        setMessage({ text: "[SYSTEM] Undo needs a connection. Try again when you are back online.", error: true });
      }
    });
  }

  const syncState = syncStateText({ online, pending: queue.length, syncing });

  if (quests.length === 0) return <p className="text-center text-mist">No quests yet.</p>;
  return (
    <div className="relative flex flex-col gap-3">
      {flourish && (
        <div
          key={flourish.id}
          aria-hidden
          className="pointer-events-none absolute inset-0 overflow-hidden motion-reduce:hidden"
        >
          {flourish.kind === "slash" ? (
            <div className="absolute inset-y-0 w-1/3 animate-slash bg-gradient-to-r from-transparent via-system/40 to-transparent" />
          ) : (
            <p className="font-display absolute inset-0 flex animate-burst items-center justify-center text-4xl font-bold tracking-widest text-gold">
              LEVEL UP
            </p>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className={message?.error ? "text-[#ff6680]" : "text-system"}>
        {message?.text}
      </p>
      {syncState && (
        <p aria-live="polite" data-testid="sync-state" className="text-sm text-amber-300">
          {syncState}
        </p>
      )}
      <ul className="flex flex-col gap-2" aria-busy={pending || syncing}>
        {quests.map((quest) => {
          const waiting = pendingByQuest.get(quest.id) ?? 0;
          const awaitingSync = !quest.complete && waiting > 0 && quest.completionsToday + waiting >= quest.timesPerDay;
          return (
            <li key={quest.id} className="flex items-center justify-between gap-3 border border-system/20 px-3 py-2">
              <span className={quest.complete ? "text-slate-400 line-through" : "text-slate-100"}>
                {quest.title}
                <span className="ml-2 text-xs text-slate-400">
                  {quest.completionsToday}/{quest.timesPerDay}
                </span>
                {waiting > 0 && (
                  <span className="ml-2 text-xs text-amber-300" data-testid="pending-check-ins">
                    +{waiting} pending
                  </span>
                )}
              </span>
              <span className="flex gap-2">
                {(quest.checkIns.length > 0 || waiting > 0) && (
                  <button
                    type="button"
                    onClick={() => undo(quest)}
                    disabled={pending}
                    className="min-h-11 px-3 text-sm text-mist underline"
                    aria-label={`Undo ${quest.title}`}
                  >
                    Undo
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => complete(quest)}
                  disabled={pending || quest.complete || awaitingSync || quest.kind === "PENALTY"}
                  className="min-h-11 border border-system px-4 text-sm font-bold text-system disabled:opacity-50"
                  aria-label={`Check in ${quest.title}`}
                >
                  {quest.complete ? "Done" : awaitingSync ? "Pending" : "Check in"}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
