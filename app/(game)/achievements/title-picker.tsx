"use client";
import { useState, useTransition } from "react";
import { SelectField } from "@/components/quests/form-controls";
import { Button } from "@/components/ui/button";
import { updatePlayerAction } from "@/lib/player/actions";

export function TitlePicker({
  titles,
  equipped,
}: {
  titles: { id: string; title: string }[];
  equipped: string | null;
}) {
  const [choice, setChoice] = useState(equipped ?? "");
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updatePlayerAction({ equippedTitle: choice === "" ? null : choice });
      if (!result.ok) {
        setSaved(null);
        return setError(result.fieldErrors?.equippedTitle ?? result.error);
      }
      setError(undefined);
      setSaved(choice === "" ? "No title shown." : `Title equipped: ${titles.find((t) => t.id === choice)?.title}.`);
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-busy={pending}>
      <SelectField
        label="Equipped title"
        name="equippedTitle"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        error={error}
        hint={titles.length === 0 ? "Unlock achievements that grant titles to wear one." : undefined}
      >
        <option value="">None</option>
        {titles.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </SelectField>
      <p role="status" aria-live="polite" className="text-sm text-system">
        {saved}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Equip"}
      </Button>
    </form>
  );
}
