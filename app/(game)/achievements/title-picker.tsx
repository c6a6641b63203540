"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { updatePlayerAction } from "@/lib/player/actions";

export function TitlePicker({
  titles,
  equipped,
}: {
  titles: { id: string; title: string }[];
  equipped: string | null;
}) {
  const [choice, setChoice] = useState(equipped ?? "");
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => updatePlayerAction({ equippedTitle: choice === "" ? null : choice }),
      () => ({
        text: choice === "" ? "No title shown." : `Title equipped: ${titles.find((t) => t.id === choice)?.title}.`,
        error: false,
      }),
    );
  }

  return (
    <Form form={form} onSubmit={submit} className="flex flex-col gap-3">
      <SelectField
        label="Equipped title"
        name="equippedTitle"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        error={form.errors.equippedTitle}
        hint={titles.length === 0 ? "Unlock achievements that grant titles to wear one." : undefined}
      >
        <option value="">None</option>
        {titles.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </SelectField>
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Equip"}
      </Button>
    </Form>
  );
}
