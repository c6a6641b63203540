"use client";
import { useRef, useState, useTransition } from "react";
import { SelectField } from "@/components/quests/form-controls";
import { focusFirstError } from "@/components/quests/focus-first-error";
import { Button } from "@/components/ui/button";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import type { FieldErrors } from "@/lib/accounts/schemas";
import { finishYesterday, recordPastCheckIn } from "@/lib/days/actions";

export function YesterdayPanel({
  day,
  open,
}: {
  day: string;
  open: { id: string; title: string; done: number; timesPerDay: number }[];
}) {
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function record(quest: { id: string; title: string }) {
    const idempotencyKey = crypto.randomUUID();
    startTransition(async () => {
      const result = await recordPastCheckIn({ questId: quest.id, day, idempotencyKey });
      if (!result.ok) return setMessage({ text: result.error, error: true });
      setMessage({ text: `[SYSTEM] '${quest.title}' recorded for ${day}. +${result.data.award.xp} XP.`, error: false });
    });
  }

  function done() {
    startTransition(async () => {
      const result = await finishYesterday();
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
                <span className="ml-2 text-xs text-slate-400">
                  {quest.done}/{quest.timesPerDay}
                </span>
              </span>
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

export function BackfillForm({ days, quests }: { days: string[]; quests: { id: string; title: string }[] }) {
  const [day, setDay] = useState("");
  const [questId, setQuestId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const idempotencyKey = crypto.randomUUID();
    startTransition(async () => {
      const result = await recordPastCheckIn({ questId, day, idempotencyKey });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        focusFirstError(formRef.current);
        return setMessage({ text: result.error, error: true });
      }
      setErrors({});
      const title = quests.find((q) => q.id === questId)?.title ?? "Quest";
      const how =
        result.data.checkIn.source === "BACKFILL" ? "backfilled (no XP)" : `recorded, +${result.data.award.xp} XP`;
      setMessage({ text: `[SYSTEM] '${title}' ${how} for ${result.data.checkIn.dayKey}.`, error: false });
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField label="Day" name="day" value={day} onChange={(e) => setDay(e.target.value)} error={errors.day}>
          <option value="">Choose a day</option>
          {days.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Quest"
          name="questId"
          value={questId}
          onChange={(e) => setQuestId(e.target.value)}
          error={errors.questId}
        >
          <option value="">Choose a quest</option>
          {quests.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </SelectField>
      </div>
      <SystemStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record"}
      </Button>
    </form>
  );
}
