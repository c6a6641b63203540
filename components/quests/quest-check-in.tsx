"use client";
import { useCheckIns } from "@/components/check-ins/use-check-ins";
import { QuestRow } from "@/components/quests/quest-row";
import type { TodayQuest } from "@/lib/player/rules";

/** A quest page's own check-in and undo: the dashboard's row for this one quest, with its reply beside it. */
export function QuestCheckIn({ quest }: { quest: TodayQuest }) {
  const board = useCheckIns();
  return (
    <ul className="flex flex-col" aria-busy={board.pending || board.syncing} aria-label={`Today: ${quest.title}`}>
      <QuestRow quest={quest} board={board} />
    </ul>
  );
}
