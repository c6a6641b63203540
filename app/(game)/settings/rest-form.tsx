"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { addRestPeriodAction, endRestPeriodAction } from "@/lib/player/actions";

export function RestForm({
  today,
  periods,
}: {
  today: string;
  periods: { id: string; startDay: string; endDay: string }[];
}) {
  const [startDay, setStartDay] = useState(today);
  const [endDay, setEndDay] = useState(today);
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => addRestPeriodAction({ startDay, endDay }),
      (rest) => ({ text: `[SYSTEM] Safe Zone from ${rest.startDay} to ${rest.endDay}.`, error: false }),
    );
  }

  function end(id: string, started: boolean) {
    form.run(
      () => endRestPeriodAction({ id }),
      () => ({
        text: started ? "[SYSTEM] Rest ended: your dailies are due from today." : "[SYSTEM] Rest cancelled.",
        error: false,
      }),
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-mist">During rest no daily is due, no shield is used and strength holds still.</p>
      {periods.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm text-slate-100" aria-label="Upcoming rest periods">
          {periods.map((p) => {
            const when = p.startDay === p.endDay ? p.startDay : `${p.startDay} to ${p.endDay}`;
            const started = p.startDay <= today;
            return (
              <li key={p.id} className="flex items-center justify-between gap-3">
                <span>{when}</span>
                <button
                  type="button"
                  disabled={form.pending}
                  onClick={() => end(p.id, started)}
                  className="min-h-11 px-2 text-sm text-mist underline"
                  aria-label={`${started ? "End" : "Cancel"} rest ${when}`}
                >
                  {started ? "End now" : "Cancel"}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-400">No rest planned.</p>
      )}
      <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field
            label="Rest from"
            name="startDay"
            type="date"
            value={startDay}
            onChange={(e) => setStartDay(e.target.value)}
            error={form.errors.startDay}
          />
          <Field
            label="Rest until"
            name="endDay"
            type="date"
            value={endDay}
            onChange={(e) => setEndDay(e.target.value)}
            error={form.errors.endDay}
          />
        </div>
        <SystemStatus message={form.message} />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Adding…" : "Add rest period"}
        </Button>
      </Form>
    </div>
  );
}
