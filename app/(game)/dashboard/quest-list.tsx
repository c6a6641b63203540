"use client";
import { useState, useTransition } from "react";
import { checkInQuest, undoQuestCheckIn } from "@/lib/check-ins/actions";
import type { TodayQuest } from "@/lib/player/queries";

/** Today's quests with one-tap check-in and undo. The full interface comes with the Hunter's screens. */
export function QuestList({ quests }: { quests: TodayQuest[] }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function complete(quest: TodayQuest) {
    const key = crypto.randomUUID();
    startTransition(async () => {
      const result = await checkInQuest(quest.id, key);
      if (!result.ok) return setMessage({ text: result.error, error: true });
      const { award } = result.data;
      const levelUp = award.levelUp ? ` Level up! You are now level ${award.levelUp.to}.` : "";
      const gain = award.held ? `+${award.xp} XP held in the Penalty Zone` : `+${award.xp} XP`;
      setMessage({ text: `[SYSTEM] You have defeated '${quest.title}'. ${gain}.${levelUp}`, error: false });
    });
  }

  function undo(quest: TodayQuest) {
    const last = quest.checkIns.at(-1);
    if (!last) return;
    startTransition(async () => {
      const result = await undoQuestCheckIn(last.id);
      setMessage(
        result.ok ? { text: `[SYSTEM] '${quest.title}' undone.`, error: false } : { text: result.error, error: true },
      );
    });
  }

  if (quests.length === 0) return <p className="text-center text-mist">No quests yet.</p>;
  return (
    <div className="flex flex-col gap-3">
      <p role="status" aria-live="polite" className={message?.error ? "text-[#ff6680]" : "text-system"}>
        {message?.text}
      </p>
      <ul className="flex flex-col gap-2" aria-busy={pending}>
        {quests.map((quest) => (
          <li key={quest.id} className="flex items-center justify-between gap-3 border border-system/20 px-3 py-2">
            <span className={quest.complete ? "text-slate-400 line-through" : "text-slate-100"}>
              {quest.title}
              <span className="ml-2 text-xs text-slate-400">
                {quest.completionsToday}/{quest.timesPerDay}
              </span>
            </span>
            <span className="flex gap-2">
              {quest.checkIns.length > 0 && (
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
                disabled={pending || quest.complete || quest.kind === "PENALTY"}
                className="min-h-11 border border-system px-4 text-sm font-bold text-system disabled:opacity-50"
                aria-label={`Check in ${quest.title}`}
              >
                {quest.complete ? "Done" : "Check in"}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
