"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice, TimeField } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { LAST_CHANCE_TIME } from "@/lib/notifications/rules";
import { setNotificationPrefsAction } from "@/lib/player/actions";
import { DEFAULT_NOTIFICATION_PREFS, NOTIFICATION_TYPES, type NotificationPrefs } from "@/lib/player/schemas";

const NOTIFICATION_LABEL: Record<(typeof NOTIFICATION_TYPES)[number], string> = {
  reminders: "Quest reminders",
  lastChance: `Last-chance warning at ${LAST_CHANCE_TIME}`,
  penalty: "Penalty Quest opened or closing",
  levelUp: "Level-ups and Rank Trials",
  achievements: "Achievements",
};

/** Which notifications are pushed, and the quiet hours during which none is (docs/rules.md "Reminders"). */
export function NotificationsForm({ prefs }: { prefs: NotificationPrefs }) {
  const [value, setValue] = useState(prefs);
  const [quiet, setQuiet] = useState(prefs.quietHours ?? DEFAULT_NOTIFICATION_PREFS.quietHours!);
  const form = useForm();
  const quietOn = value.quietHours !== null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => setNotificationPrefsAction({ ...value, quietHours: quietOn ? quiet : null }),
      () => ({ text: "[SYSTEM] Notifications saved.", error: false }),
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-mist">Push to my devices</legend>
        {NOTIFICATION_TYPES.map((type) => (
          <Choice
            key={type}
            type="checkbox"
            name={type}
            label={NOTIFICATION_LABEL[type]}
            checked={value[type]}
            onChange={(on) => setValue({ ...value, [type]: on })}
          />
        ))}
        <p className="text-xs text-slate-400">
          Level-ups, Rank Trials and achievements always reach your inbox (the bell); tick them to have them pushed too.
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-mist">Quiet hours</legend>
        <Choice
          type="checkbox"
          name="quietHoursOn"
          label="Push nothing during quiet hours"
          checked={quietOn}
          onChange={(on) => setValue({ ...value, quietHours: on ? quiet : null })}
        />
        {quietOn && (
          <div className="grid grid-cols-2 gap-3">
            <TimeField
              label="From"
              name="quietHours.start"
              value={quiet.start}
              onValueChange={(start) => setQuiet({ ...quiet, start })}
              error={form.errors["quietHours.start"]}
            />
            <TimeField
              label="Until"
              name="quietHours.end"
              value={quiet.end}
              onValueChange={(end) => setQuiet({ ...quiet, end })}
              error={form.errors["quietHours.end"]}
            />
          </div>
        )}
        <Choice
          type="checkbox"
          name="penaltyInQuietHours"
          label="Penalty Zone warnings may break quiet hours"
          checked={value.penaltyInQuietHours}
          onChange={(on) => setValue({ ...value, penaltyInQuietHours: on })}
        />
      </fieldset>
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save notifications"}
      </Button>
    </Form>
  );
}
