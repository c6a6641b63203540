"use client";
import Link from "next/link";
import { useState } from "react";
import { SlipMarker } from "@/components/insights/slip-marker";
import { CheckInNote } from "@/components/check-ins/check-in-note";
import type { TodayQuest } from "@/lib/player/queries";
import { archiveQuestAction, setChecklistItemAction } from "@/lib/quests/actions";
import { useCheckIns, type Reply } from "./use-check-ins";

const number = new Intl.NumberFormat("en");

const NOT_DUE: Record<NonNullable<TodayQuest["notDue"]>, string> = {
  NOT_SCHEDULED: "not due today",
  QUOTA_MET: "this week's quota is met",
  RESTING: "Safe Zone: not due",
};

/** "7,500 / 10,000 steps", "≤ 2 coffees: 1 so far", "1/3 this week", "0/2". */
function progressText(quest: TodayQuest): string {
  if (quest.progress) {
    const { value, target, unit, direction } = quest.progress;
    return direction === "AT_MOST"
      ? `${number.format(value)} of at most ${number.format(target)} ${unit}`
      : `${number.format(value)} / ${number.format(target)} ${unit}`;
  }
  if (quest.weekProgress) return `${quest.weekProgress.done}/${quest.weekProgress.required} this week`;
  if (quest.kind === "HABIT") return `${quest.completionsToday} today`;
  return `${quest.completionsToday}/${quest.timesPerDay}`;
}

/** The one live region for the System's reply: it sits next to the quest the reply is about. */
function ReplySlot({ reply, questId }: { reply: Reply | null; questId: string | null }) {
  if ((reply?.questId ?? null) !== questId) return null;
  return (
    <>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${reply?.error ? "text-[#ff6680]" : "text-system"} ${questId ? "basis-full" : ""}`}
      >
        {reply?.text}
      </p>
      {reply?.checkInId && (
        <div className="basis-full">
          <CheckInNote key={reply.checkInId} checkInId={reply.checkInId} note={null} label="this check-in" />
        </div>
      )}
    </>
  );
}

type Board = ReturnType<typeof useCheckIns>;

function QuestRow({
  quest,
  board,
  muted,
  marker,
}: {
  quest: TodayQuest;
  board: Board;
  muted?: boolean;
  marker?: string;
}) {
  const [amount, setAmount] = useState("");
  const waiting = board.pendingByQuest.get(quest.id) ?? 0;
  const awaitingSync =
    !quest.completeToday && waiting > 0 && !quest.target && quest.completionsToday + waiting >= quest.timesPerDay;
  const bad = quest.kind === "HABIT" && !quest.positive;
  const value = Number(amount);
  const needsAmount = quest.target !== null;
  const canSend = !needsAmount || (amount !== "" && Number.isFinite(value) && value >= 0);
  const label =
    quest.kind === "HABIT" ? (bad ? "−" : "+") : quest.completeToday ? "Done" : awaitingSync ? "Pending" : "Check in";
  return (
    <li
      className={`flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border px-3 py-2 ${
        muted ? "border-system/10 opacity-70" : "border-system/20"
      }`}
    >
      <span className={`min-w-0 flex-1 ${quest.completeToday ? "text-slate-400 line-through" : "text-slate-100"}`}>
        <Link
          href={`/quests/${quest.id}`}
          className="inline-flex min-h-11 items-center underline-offset-4 hover:underline"
        >
          {quest.title}
        </Link>
        <span className="ml-2 text-xs whitespace-nowrap text-slate-400">{progressText(quest)}</span>
        {quest.notDue && (
          <span className="ml-2 text-xs whitespace-nowrap text-slate-400">· {NOT_DUE[quest.notDue]}</span>
        )}
        {marker && <SlipMarker text={marker} />}
        {waiting > 0 && (
          <span className="ml-2 text-xs text-amber-300" data-testid="pending-check-ins">
            +{waiting} pending
          </span>
        )}
      </span>
      <span className="flex shrink-0 items-center gap-2">
        {needsAmount && !quest.completeToday && (
          <input
            type="number"
            inputMode="decimal"
            min={0}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder={quest.target?.unit}
            aria-label={`${quest.title}: how many ${quest.target?.unit}`}
            className="min-h-11 w-20 border border-system/40 bg-void px-2 text-slate-100"
          />
        )}
        {(quest.checkIns.length > 0 || waiting > 0) && (
          <button
            type="button"
            onClick={() => board.undo(quest)}
            disabled={board.pending}
            className="min-h-11 px-2 text-sm text-mist underline"
            aria-label={`Undo ${quest.title}`}
          >
            Undo
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            board.complete(quest, needsAmount ? value : undefined);
            setAmount("");
          }}
          disabled={board.pending || quest.completeToday || awaitingSync || !canSend}
          className={`min-h-11 min-w-11 border px-3 text-sm font-bold whitespace-nowrap disabled:opacity-50 ${
            bad ? "border-blood text-[#ff6680]" : "border-system text-system"
          }`}
          aria-label={bad ? `Record a slip: ${quest.title}` : `Check in ${quest.title}`}
        >
          {needsAmount && !quest.completeToday ? "Log" : label}
        </button>
      </span>
      <ReplySlot reply={board.reply} questId={quest.id} />
    </li>
  );
}

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
      <h3 className="font-display text-sm font-bold tracking-widest text-slate-300 uppercase">{title}</h3>
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
  slipMarkers = {},
}: {
  quests: TodayQuest[];
  /** "likely to slip: …" per daily at risk today (lib/insights). */
  slipMarkers?: Record<string, string>;
}) {
  const board = useCheckIns();
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
