"use client";
import { useRouter } from "next/navigation";
import { useCheckIns } from "@/components/check-ins/use-check-ins";
import { QuestRow } from "@/components/quests/quest-row";
import type { TodayQuest } from "@/lib/player/rules";

/** A quest page's own check-in and undo: the dashboard's row for this one quest, with its reply beside it. */
export function QuestCheckIn({ quest }: { quest: TodayQuest }) {
  const router = useRouter();
  // The page shows more than the status holds (the last days, the heatmap, the streak): it is served again.
  const board = useCheckIns(() => router.refresh());
  return (
    <ul className="flex flex-col" aria-busy={board.pending || board.syncing} aria-label={`Today: ${quest.title}`}>
      <QuestRow quest={quest} board={board} />
    </ul>
  );
}
