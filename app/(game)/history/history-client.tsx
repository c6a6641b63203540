"use client";
import { useRef, useState, useTransition } from "react";
import { SelectField } from "@/components/quests/form-controls";
import { focusFirstError } from "@/components/quests/focus-first-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import type { FieldErrors } from "@/lib/validation";
import { recordPastCheckInAction } from "@/lib/check-ins/actions";
import { confirmYesterdayAction } from "@/lib/days/actions";

type OpenDaily = { id: string; title: string; done: number; timesPerDay: number; unit: string | null };

/** A number from an amount field, or undefined when it is blank (the server then asks for it). */
function amountOf(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) ? value : undefined;
}

export function YesterdayPanel({ day, open }: { day: string; open: OpenDaily[] }) {
  const [message, setMessage] = useState<SystemMessage>(null);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function record(quest: OpenDaily) {
    const idempotencyKey = crypto.randomUUID();
    startTransition(async () => {
      const value = amountOf(amounts[quest.id]);
      const result = await recordPastCheckInAction({ questId: quest.id, day, idempotencyKey, value });
      if (!result.ok) return setMessage({ text: result.error, error: true });
      setMessage({ text: `[SYSTEM] '${quest.title}' recorded for ${day}. +${result.data.award.xp} XP.`, error: false });
    });
  }

  function done() {
    startTransition(async () => {
      const result = await confirmYesterdayAction({});
      setMessage(
        result.ok
          ? { text: `[SYSTEM] ${result.data.day} is settled.`, error: false }
          : { text: result.error, error: true },
      );
    });
  }

  return (
    <div className="flex flex-col gap-3" aria-busy={pending}>
      <p className="text-mist">
        {open.length > 0
          ? `${day} is still open: tick what you did before it is settled.`
          : `Every daily of ${day} is complete.`}
      </p>
      {open.length > 0 && (
        <ul className="flex flex-col gap-2">
          {open.map((quest) => (
            <li key={quest.id} className="flex items-center justify-between gap-3 border border-system/20 px-3 py-2">
              <span className="text-slate-100">
                {quest.title}
                {!quest.unit && (
                  <span className="ml-2 text-xs text-slate-400">
                    {quest.done}/{quest.timesPerDay}
                  </span>
                )}
              </span>
              {quest.unit && (
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  aria-label={`${quest.title}: ${quest.unit} yesterday`}
                  placeholder={quest.unit}
                  value={amounts[quest.id] ?? ""}
                  onChange={(e) => setAmounts({ ...amounts, [quest.id]: e.target.value })}
                  className="min-h-11 w-24 border border-system/40 bg-void px-2 text-slate-100"
                />
              )}
              <button
                type="button"
                onClick={() => record(quest)}
                disabled={pending}
                className="min-h-11 border border-system px-4 text-sm font-bold text-system disabled:opacity-50"
                aria-label={`Record ${quest.title} for yesterday`}
              >
                Record
              </button>
            </li>
          ))}
        </ul>
      )}
      <SystemStatus message={message} />
      <Button type="button" onClick={done} disabled={pending}>
        {pending ? "Working…" : "Yesterday is done"}
      </Button>
    </div>
  );
}

type BackfillQuest = { id: string; title: string; createdDay: string; target: { unit: string } | null };

export function BackfillForm({ days, quests }: { days: string[]; quests: BackfillQuest[] }) {
  const [day, setDay] = useState("");
  const [questId, setQuestId] = useState("");
  const [amount, setAmount] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const quest = quests.find((q) => q.id === questId);
  // A quest can be recorded only on the days it existed; the rest are not offered.
  const offered = quest ? days.filter((d) => d >= quest.createdDay) : days;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const idempotencyKey = crypto.randomUUID();
    startTransition(async () => {
      const result = await recordPastCheckInAction({ questId, day, idempotencyKey, value: amountOf(amount) });
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        setErrors(fieldErrors);
        focusFirstError(formRef.current);
        // One error at a time: a field's own message, or the System's when no field is to blame.
        return setMessage(Object.keys(fieldErrors).length > 0 ? null : { text: result.error, error: true });
      }
      setErrors({});
      const how =
        result.data.checkIn.source === "BACKFILL" ? "backfilled (no XP)" : `recorded, +${result.data.award.xp} XP`;
      setMessage({
        text: `[SYSTEM] '${quest?.title ?? "Quest"}' ${how} for ${result.data.checkIn.dayKey}.`,
        error: false,
      });
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField label="Day" name="day" value={day} onChange={(e) => setDay(e.target.value)} error={errors.day}>
          <option value="">Choose a day</option>
          {offered.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Quest"
          name="questId"
          value={questId}
          onChange={(e) => {
            const next = quests.find((q) => q.id === e.target.value);
            setQuestId(e.target.value);
            if (next && day && day < next.createdDay) setDay("");
          }}
          error={errors.questId}
        >
          <option value="">Choose a quest</option>
          {quests.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </SelectField>
        {quest?.target && (
          <Field
            label={`Amount (${quest.target.unit})`}
            name="value"
            type="number"
            inputMode="decimal"
            min={0}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.value}
          />
        )}
      </div>
      <SystemStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record"}
      </Button>
    </form>
  );
}
