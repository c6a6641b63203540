"use client";
import { useState } from "react";
import { dayEndLabel, dayStartChoices } from "@/components/settings/day-end";
import { Button } from "@/components/ui/button";
import { Choice, SelectField } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { updatePlayerAction } from "@/lib/player/actions";

export function ClockForm(props: {
  zones: string[];
  timeZone: string;
  dayStartMinute: number;
  leaderboardOptOut: boolean;
}) {
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [dayStartMinute, setDayStartMinute] = useState(props.dayStartMinute);
  const [optOut, setOptOut] = useState(props.leaderboardOptOut);
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => updatePlayerAction({ timeZone, dayStartMinute, leaderboardOptOut: optOut }),
      () => ({ text: "[SYSTEM] Settings saved.", error: false }),
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        error={form.errors.timeZone}
      >
        {props.zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="When my day ends"
        name="dayStartMinute"
        value={dayStartMinute}
        onChange={(e) => setDayStartMinute(Number(e.target.value))}
        error={form.errors.dayStartMinute}
        hint="Night owl? Let your day run on past midnight."
      >
        {dayStartChoices(props.dayStartMinute).map((minute) => (
          <option key={minute} value={minute}>
            {dayEndLabel(minute)}
          </option>
        ))}
      </SelectField>
      <Choice
        type="checkbox"
        name="leaderboardOptOut"
        label="Hide me from the leaderboards"
        checked={optOut}
        onChange={setOptOut}
      />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save settings"}
      </Button>
    </Form>
  );
}
