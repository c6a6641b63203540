"use client";
import { useState } from "react";
import type { PlayerStatus, TodayQuest } from "@/lib/player/rules";
import { archiveQuestAction, setChecklistItemAction } from "@/lib/quests/actions";
import { useCheckIns } from "@/components/check-ins/use-check-ins";
import { QuestRow, ReplySlot, type Board } from "@/components/quests/quest-row";

function TodoRow({ quest, board }: { quest: TodayQuest; board: Board }) {
  // Ticks show at once; the server's copy catches up with the refresh (a failed tick is said and undone).
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const items = (quest.checklist ?? []).map((item, index) => ({ ...item, done: ticked[index] ?? item.done }));
  const doneCount = items.filter((item) => item.done).length;
  function tick(index: number, done: boolean) {
    setTicked((current) => ({ ...current, [index]: done }));
    board.startTransition(async () => {
      const result = await setChecklistItemAction({ id: quest.id, index, done });
      if (!result.ok) {
        setTicked((current) => ({ ...current, [index]: !done }));
        board.setReply({ text: result.error, error: true, questId: quest.id });
      }
    });
  }
  return (
    <li className="flex flex-col gap-1">
      <ul className="flex flex-col gap-2">
        <QuestRow quest={quest} board={board} />
      </ul>
      <p className="flex flex-wrap gap-x-3 px-3 text-xs text-slate-400">
        {quest.dueDay && (
          <span className={quest.overdue ? "font-bold text-[#ff6680]" : undefined}>
            {quest.overdue ? `Overdue since ${quest.dueDay}` : `Due ${quest.dueDay}`}
          </span>
        )}
        {items.length > 0 && (
          <span>
            Checklist {doneCount}/{items.length}
          </span>
        )}
      </p>
      {items.length > 0 && (
        <ul className="flex flex-col px-3" aria-label={`Checklist of ${quest.title}`}>
          {items.map((item, index) => (
            <li key={index}>
              <label className="flex min-h-11 items-center gap-3 text-sm text-slate-200">
                <input
                  type="checkbox"
                  checked={item.done}
                  onChange={(e) => tick(index, e.target.checked)}
                  className="size-5 accent-system"
                />
                <span className={item.done ? "text-slate-400 line-through" : undefined}>{item.text}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Section({ title, children, hint }: { title: string; children: React.ReactNode; hint?: string }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="font-display text-sm font-bold tracking-widest text-slate-300 uppercase">{title}</h2>
      {hint && <p className="text-xs text-slate-400">{hint}</p>}
      <ul className="flex flex-col gap-2">{children}</ul>
    </section>
  );
}

/**
 * The Hunter's day: what is due first, then dailies not due today (greyed; a check-in there is extra credit),
 * habits as +/− counters, and to-dos with their due days and checklists; done to-dos wait to be cleared away.
 */
export function QuestList({
  quests,
  slipMarkers,
  onStatus,
}: {
  quests: TodayQuest[];
  /** "likely to slip: …" per daily at risk today (lib/insights). */
  slipMarkers: Record<string, string>;
  /** The Hunter's status after a check-in or undo. */
  onStatus: (status: PlayerStatus) => void;
}) {
  const board = useCheckIns(onStatus);
  const playable = quests.filter((q) => q.kind !== "PENALTY");
  const dailies = playable.filter((q) => q.kind === "DAILY");
  const due = dailies.filter((q) => q.notDue === null);
  const notDue = dailies.filter((q) => !due.includes(q));
  const habits = playable.filter((q) => q.kind === "HABIT");
  const todos = playable.filter((q) => q.kind === "ONE_TIME" && !q.done);
  const done = playable.filter((q) => q.kind === "ONE_TIME" && q.done);

  const rows = [
    { title: "Due today", quests: due, muted: false, hint: undefined },
    {
      title: "Not due today",
      quests: notDue,
      muted: true,
      hint: "Checking one in earns extra credit once a day; it does not clear the day.",
    },
    { title: "Habits", quests: habits, muted: false, hint: undefined },
  ];

  function clearDone() {
    board.startTransition(async () => {
      for (const quest of done) await archiveQuestAction({ id: quest.id });
      board.setReply({ text: `[SYSTEM] ${done.length} finished to-do(s) cleared away.`, error: false, questId: null });
    });
  }

  if (playable.length === 0) return <p className="text-center text-mist">No quests yet.</p>;
  return (
    <div className="relative flex flex-col gap-5" aria-busy={board.pending || board.syncing}>
      {board.flourish && (
        <div
          key={board.flourish.id}
          aria-hidden
          className="pointer-events-none absolute inset-0 overflow-hidden motion-reduce:hidden"
        >
          {board.flourish.kind === "slash" ? (
            <div className="absolute inset-y-0 w-1/3 animate-slash bg-gradient-to-r from-transparent via-system/40 to-transparent" />
          ) : (
            <p className="font-display absolute inset-0 flex animate-burst items-center justify-center text-4xl font-bold tracking-widest text-gold">
              LEVEL UP
            </p>
          )}
        </div>
      )}
      <ReplySlot reply={board.reply} questId={null} />
      {board.syncState && (
        <p aria-live="polite" data-testid="sync-state" className="text-sm text-amber-300">
          {board.syncState}
        </p>
      )}
      {rows.map(
        ({ title, quests: list, muted, hint }) =>
          list.length > 0 && (
            <Section key={title} title={title} hint={hint}>
              {list.map((quest) => (
                <QuestRow key={quest.id} quest={quest} board={board} muted={muted} marker={slipMarkers[quest.id]} />
              ))}
            </Section>
          ),
      )}
      {todos.length > 0 && (
        <Section title="To-dos">
          {todos.map((quest) => (
            <TodoRow key={quest.id} quest={quest} board={board} />
          ))}
        </Section>
      )}
      {done.length > 0 && (
        <Section title="Done">
          {done.map((quest) => (
            <QuestRow key={quest.id} quest={quest} board={board} muted />
          ))}
          <li>
            <button
              type="button"
              onClick={clearDone}
              disabled={board.pending}
              className="min-h-11 px-3 text-sm text-mist underline"
            >
              Clear finished to-dos
            </button>
          </li>
        </Section>
      )}
    </div>
  );
}
