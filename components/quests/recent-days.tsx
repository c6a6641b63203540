"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AmountInput } from "@/components/ui/amount-input";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import type { EditableDay } from "@/lib/check-ins/queries";
import { recordPastCheckInAction, undoCheckInAction } from "@/lib/check-ins/actions";

const weekday = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const dateOf = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The quest page's last 7 days: tap a day to add a check-in to it or remove one. The check-in service decides what
 * an added one is (an unsettled day counts and pays, a settled one is a backfill without XP); only what undo allows
 * can be removed. Older days are read-only, and the page says so.
 */
export function RecentDays({
  questId,
  unit,
  days,
}: {
  questId: string;
  /** A target's unit: an added check-in says how much. */
  unit: string | null;
  days: EditableDay[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();
  const chosen = days.find((d) => d.day === selected) ?? null;
  const removable = chosen?.removableId ?? null;

  function add(day: string) {
    const value = unit ? Number(amount) : undefined;
    startTransition(async () => {
      const result = await recordPastCheckInAction({ questId, day, idempotencyKey: crypto.randomUUID(), value });
      if (!result.ok) return setMessage({ text: result.error, error: true });
      const { checkIn, award } = result.data;
      setMessage({
        text:
          checkIn.source === "BACKFILL"
            ? `[SYSTEM] ${longDay.format(dateOf(day))}: recorded. A settled day pays no XP; history and strength are updated.`
            : `[SYSTEM] ${longDay.format(dateOf(day))}: recorded. ${award.xp >= 0 ? "+" : "−"}${Math.abs(award.xp)} XP.`,
        error: false,
      });
      setAmount("");
      router.refresh();
    });
  }

  function remove(day: string, id: string) {
    startTransition(async () => {
      const result = await undoCheckInAction({ id });
      if (!result.ok) return setMessage({ text: result.error, error: true });
      setMessage({ text: `[SYSTEM] ${longDay.format(dateOf(day))}: one check-in removed.`, error: false });
      router.refresh();
    });
  }

  if (days.length === 0) return null;
  return (
    <div className="flex flex-col gap-3" aria-busy={pending}>
      <ul className="grid grid-cols-7 gap-1">
        {days.map(({ day, count }) => (
          <li key={day}>
            <button
              type="button"
              aria-pressed={selected === day}
              aria-label={`${longDay.format(dateOf(day))}: ${count} check-in${count === 1 ? "" : "s"}`}
              onClick={() => {
                setSelected(selected === day ? null : day);
                setMessage(null);
              }}
              className={`flex min-h-14 w-full flex-col items-center justify-center border text-xs aria-pressed:border-system aria-pressed:text-system ${
                count > 0 ? "border-system/60 bg-system/20 text-slate-100" : "border-system/20 text-slate-400"
              }`}
            >
              <span>{weekday.format(dateOf(day))}</span>
              <span className="text-base font-bold">{Number(day.slice(8))}</span>
              <span aria-hidden>{count > 0 ? `✓${count > 1 ? count : ""}` : "·"}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <div className="flex flex-wrap items-center gap-2 border border-system/20 p-3 text-sm">
          <p className="basis-full text-slate-100">
            {longDay.format(dateOf(chosen.day))}: {chosen.count} check-in
            {chosen.count === 1 ? "" : "s"}
          </p>
          {unit && <AmountInput value={amount} onChange={setAmount} unit={unit} label={`How many ${unit}`} />}
          <button
            type="button"
            onClick={() => add(chosen.day)}
            disabled={pending || (unit !== null && amount === "")}
            className="min-h-11 border border-system px-3 font-bold text-system disabled:opacity-50"
          >
            Add a check-in
          </button>
          {removable && (
            <button
              type="button"
              onClick={() => remove(chosen.day, removable)}
              disabled={pending}
              className="min-h-11 px-3 text-mist underline"
            >
              Remove one
            </button>
          )}
          {!removable && chosen.count > 0 && (
            <p className="basis-full text-xs text-slate-400">
              This day is settled: entries that earned XP stay. Only backfilled ones can be removed.
            </p>
          )}
        </div>
      )}
      <SystemStatus message={message} />
      <p className="text-xs text-slate-400">
        Days further back are read-only: the System lets you fix the last 7 days, no more.
      </p>
    </div>
  );
}
