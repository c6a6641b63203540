"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { recordPastCheckInAction } from "@/lib/check-ins/actions";
import { confirmYesterdayAction } from "@/lib/days/actions";

type OpenDaily = { id: string; title: string; done: number; timesPerDay: number; unit: string | null };

/** A number from an amount field, or undefined when it is blank (the server then asks for it). */
function amountOf(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) ? value : undefined;
}

export function YesterdayPanel({ day, open }: { day: string; open: OpenDaily[] }) {
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const form = useForm();
  const { pending } = form;

  function record(quest: OpenDaily) {
    const idempotencyKey = crypto.randomUUID();
    const value = amountOf(amounts[quest.id]);
    form.run(
      () => recordPastCheckInAction({ questId: quest.id, day, idempotencyKey, value }),
      ({ award }) => ({ text: `[SYSTEM] '${quest.title}' recorded for ${day}. +${award.xp} XP.`, error: false }),
    );
  }

  function done() {
    form.run(
      () => confirmYesterdayAction({}),
      (settled) => ({ text: `[SYSTEM] ${settled.day} is settled.`, error: false }),
    );
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
      <SystemStatus message={form.message} />
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
  const form = useForm();
  const { errors, pending } = form;
  const quest = quests.find((q) => q.id === questId);
  // A quest can be recorded only on the days it existed; the rest are not offered.
  const offered = quest ? days.filter((d) => d >= quest.createdDay) : days;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const idempotencyKey = crypto.randomUUID();
    form.run(
      () => recordPastCheckInAction({ questId, day, idempotencyKey, value: amountOf(amount) }),
      ({ checkIn, award }) => {
        const how = checkIn.source === "BACKFILL" ? "backfilled (no XP)" : `recorded, +${award.xp} XP`;
        return { text: `[SYSTEM] '${quest?.title ?? "Quest"}' ${how} for ${checkIn.dayKey}.`, error: false };
      },
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
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
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record"}
      </Button>
    </Form>
  );
}
