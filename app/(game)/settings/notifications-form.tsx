"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useForm } from "@/components/ui/use-form";
import { setNotificationPrefsAction } from "@/lib/player/actions";
import { NOTIFICATION_TYPES, type NotificationPrefs } from "@/lib/player/schemas";

const NOTIFICATION_LABEL: Record<(typeof NOTIFICATION_TYPES)[number], string> = {
  reminders: "Quest reminders",
  lastChance: "Last-chance warning at 20:00",
  penalty: "Penalty Quest opened or closing",
  levelUp: "Level-ups and rank trials",
  achievements: "Achievements",
};

export function NotificationsForm({ prefs }: { prefs: NotificationPrefs }) {
  const [value, setValue] = useState(prefs);
  const form = useForm();
  const { attach } = form;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => setNotificationPrefsAction(value),
      () => ({ text: "[SYSTEM] Notifications saved.", error: false }),
    );
  }

  return (
    <form ref={attach} onSubmit={submit} className="flex flex-col gap-3" aria-busy={form.pending}>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-mist">Notify me about</legend>
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
      </fieldset>
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save notifications"}
      </Button>
    </form>
  );
}
