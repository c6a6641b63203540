"use client";
import { useState, useTransition } from "react";
import { useOfflineQueue } from "@/components/check-ins/use-offline-queue";
import { checkInAction, undoCheckInAction } from "@/lib/check-ins/actions";
import type { CheckInBody } from "@/lib/check-ins/service";
import { removePendingCheckIn } from "@/lib/offline/queue";
import { pendingCountByQuest, syncStateText } from "@/lib/offline/rules";
import { refreshOfflineCopy } from "@/lib/offline/sw-client";
import type { PlayerStatus, TodayQuest } from "@/lib/player/rules";
import { chime } from "@/lib/ui/sound";

/** The System's reply, shown next to the quest it is about (or above the list when it is about none). */
export type Reply = { text: string; error: boolean; questId: string | null; checkInId?: string };
export type Flourish = { kind: "slash" | "level-up"; id: number };
export type QuestRef = Pick<TodayQuest, "id" | "title" | "kind" | "positive" | "checkIns">;

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
 * Check-in and undo for the dashboard and a quest's page. Each answers with the Hunter's new status, handed to
 * `onStatus` (the dashboard shows it; a quest's page refreshes itself). Offline (or when a send fails midway), a
 * check-in goes to the offline queue (use-offline-queue.ts) and shows as pending; undoing one still queued just
 * drops it.
 */
export function useCheckIns(onStatus: (status: PlayerStatus) => void) {
  const [reply, setReply] = useState<Reply | null>(null);
  // Bumped on each success so the slash (or the level-up burst) replays; purely visual, hidden from screen readers.
  const [flourish, setFlourish] = useState<Flourish | null>(null);
  const [pending, startTransition] = useTransition();
  const offline = useOfflineQueue(setReply);
  const { queue, syncing, sync } = offline;

  function complete(quest: QuestRef & Pick<TodayQuest, "target">, value?: number) {
    const idempotencyKey = crypto.randomUUID();
    const happenedAt = new Date().toISOString();
    startTransition(async () => {
      if (!navigator.onLine) return offline.enqueue(quest, { idempotencyKey, happenedAt, value });
      let result: Awaited<ReturnType<typeof checkInAction>>;
      try {
        result = await checkInAction({ questId: quest.id, idempotencyKey, value });
      } catch {
        // The request may or may not have arrived; the same key sent again later counts once either way.
        await offline.enqueue(quest, { idempotencyKey, happenedAt, value });
        void sync();
        return;
      }
      if (!result.ok) return setReply({ text: result.error, error: true, questId: quest.id });
      onStatus(result.data.status);
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
    const needsConnection = {
      text: "[SYSTEM] Undo needs a connection. Try again when you are back online.",
      error: true,
      questId: quest.id,
    };
    if (!navigator.onLine) return setReply(needsConnection);
    startTransition(async () => {
      try {
        const result = await undoCheckInAction({ id: last.id });
        if (!result.ok) return setReply({ text: result.error, error: true, questId: quest.id });
        onStatus(result.data.status);
        setReply(undone);
        refreshOfflineCopy();
      } catch {
        setReply(needsConnection);
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
    syncState: syncStateText({ online: offline.online, pending: queue.length, syncing }),
    complete,
    undo,
    startTransition,
  };
}
