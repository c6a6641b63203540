"use client";
import { useState } from "react";
import { CheckInNote } from "@/components/check-ins/check-in-note";
import type { Reply, useCheckIns } from "@/components/check-ins/use-check-ins";
import { SlipMarker } from "@/components/insights/slip-marker";
import { IntentLink } from "@/components/nav/intent-link";
import { AmountInput } from "@/components/ui/amount-input";
import type { TodayQuest } from "@/lib/player/rules";

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
export function ReplySlot({ reply, questId }: { reply: Reply | null; questId: string | null }) {
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

export type Board = ReturnType<typeof useCheckIns>;

export function QuestRow({
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
        <IntentLink
          href={`/quests/${quest.id}`}
          className="inline-flex min-h-11 items-center underline-offset-4 hover:underline"
        >
          {quest.title}
        </IntentLink>
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
          <AmountInput
            value={amount}
            onChange={setAmount}
            unit={quest.target?.unit ?? ""}
            label={`${quest.title}: how many ${quest.target?.unit}`}
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
