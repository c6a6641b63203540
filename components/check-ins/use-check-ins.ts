"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { checkInAction, undoCheckInAction } from "@/lib/check-ins/actions";
import type { CheckInBody } from "@/lib/check-ins/service";
import { enqueueCheckIn, listPendingCheckIns, onQueueChange, removePendingCheckIn } from "@/lib/offline/queue";
import { pendingCountByQuest, syncReportText, syncStateText, type PendingCheckIn } from "@/lib/offline/rules";
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

/** The System's reply, shown next to the quest it is about (or above the list when it is about none). */
export type Reply = { text: string; error: boolean; questId: string | null; checkInId?: string };
export type Flourish = { kind: "slash" | "level-up"; id: number };
type QuestRef = Pick<TodayQuest, "id" | "title" | "kind" | "positive" | "checkIns">;

const number = new Intl.NumberFormat("en");

/** What the System says to a check-in it accepted. */
export function replyText(
  quest: Pick<TodayQuest, "title" | "target" | "kind" | "positive">,
  body: CheckInBody,
): string {
  const { award, day } = body;
  if (quest.kind === "HABIT" && !quest.positive) {
    const floor = award.xp === 0 ? " Your level's floor holds: levels never go down." : "";
    return `[SYSTEM] '${quest.title}': a slip. −${-award.xp} XP.${floor}`;
  }
  const progress =
    quest.target && day.target !== null
      ? ` ${number.format(day.total)} / ${number.format(day.target)} ${quest.target.unit}.`
      : "";
  if (award.unawarded) return `[SYSTEM] '${quest.title}' recorded.${progress} ${award.unawarded}`;
  const levelUp = award.levelUp ? ` Level up! You are now level ${award.levelUp.to}.` : "";
  const gain = award.held ? `+${award.xp} XP held in the Penalty Zone` : `+${award.xp} XP`;
  const unlocked = award.achievements.map((a) => ` Achievement unlocked: ${a.name}.`).join("");
  const zone = award.penalty?.cleared ? " You survived the Penalty Zone: held rewards released." : "";
  return `[SYSTEM] You have defeated '${quest.title}'.${progress} ${gain}.${levelUp}${unlocked}${zone}`;
}

/**
 * Check-in and undo for the dashboard. Offline, a check-in waits in IndexedDB with its idempotency key and the
 * time it happened, shows as pending, and is sent when the connection returns (and on every load); the System's
 * reply to a synced one is the same as to a live one.
 */
export function useCheckIns() {
  const router = useRouter();
  const online = useOnline();
  const [reply, setReply] = useState<Reply | null>(null);
  // Bumped on each success so the slash (or the level-up burst) replays; purely visual, hidden from screen readers.
  const [flourish, setFlourish] = useState<Flourish | null>(null);
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
      const synced = syncReportText(report.sent);
      if (refused) {
        const more = report.refused.length > 1 ? ` (and ${report.refused.length - 1} more)` : "";
        setReply({
          text: `[SYSTEM] The offline check-in of '${refused.item.questTitle}' was refused${more}: ${refused.message ?? `error ${refused.status}`}`,
          error: true,
          questId: null,
        });
      } else if (synced) {
        setReply({ text: synced, error: false, questId: null });
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

  async function queueOffline(quest: QuestRef, item: Omit<PendingCheckIn, "questId" | "questTitle">) {
    try {
      await enqueueCheckIn({ ...item, questId: quest.id, questTitle: quest.title });
    } catch {
      // No IndexedDB (a locked-down browser): say so rather than pretend it was kept.
      const text = "[SYSTEM] Offline, and this browser cannot keep check-ins. Try again online.";
      setReply({ text, error: true, questId: quest.id });
      return;
    }
    const text = `[SYSTEM] '${quest.title}' recorded offline. It will sync when the connection returns.`;
    setReply({ text, error: false, questId: quest.id });
  }

  function complete(quest: QuestRef & Pick<TodayQuest, "target">, value?: number) {
    const idempotencyKey = crypto.randomUUID();
    const happenedAt = new Date().toISOString();
    startTransition(async () => {
      if (!navigator.onLine) return queueOffline(quest, { idempotencyKey, happenedAt, value });
      let result: Awaited<ReturnType<typeof checkInAction>>;
      try {
        result = await checkInAction({ questId: quest.id, idempotencyKey, value });
      } catch {
        // The request may or may not have arrived; the same key sent again later counts once either way.
        await queueOffline(quest, { idempotencyKey, happenedAt, value });
        void sync();
        return;
      }
      if (!result.ok) return setReply({ text: result.error, error: true, questId: quest.id });
      const { award } = result.data;
      const slip = quest.kind === "HABIT" && !quest.positive;
      setReply({
        text: replyText(quest, result.data),
        error: slip,
        questId: quest.id,
        checkInId: result.data.checkIn.id,
      });
      if (award.xp > 0) {
        const kind = award.levelUp ? "level-up" : "slash";
        setFlourish((last) => ({ kind, id: (last?.id ?? 0) + 1 }));
        chime(award.levelUp ? "level-up" : "check-in");
      }
      refreshOfflineCopy();
    });
  }

  function undo(quest: QuestRef) {
    const queued = queue.filter((item) => item.questId === quest.id).at(-1);
    const undone = { text: `[SYSTEM] '${quest.title}' undone.`, error: false, questId: quest.id };
    // A check-in still waiting offline never reached the System: undoing it just takes it out of the queue.
    if (queued && !syncing) {
      startTransition(async () => {
        await removePendingCheckIn(queued.idempotencyKey);
        setReply(undone);
      });
      return;
    }
    const last = quest.checkIns.at(-1);
    if (!last) return;
    const offline = {
      text: "[SYSTEM] Undo needs a connection. Try again when you are back online.",
      error: true,
      questId: quest.id,
    };
    if (!navigator.onLine) return setReply(offline);
    startTransition(async () => {
      try {
        const result = await undoCheckInAction({ id: last.id });
        setReply(result.ok ? undone : { text: result.error, error: true, questId: quest.id });
        if (result.ok) refreshOfflineCopy();
      } catch {
        setReply(offline);
      }
    });
  }

  return {
    reply,
    setReply,
    flourish,
    pending,
    syncing,
    pendingByQuest: pendingCountByQuest(queue),
    syncState: syncStateText({ online, pending: queue.length, syncing }),
    complete,
    undo,
    startTransition,
  };
}
