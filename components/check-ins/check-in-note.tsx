"use client";
import { useId, useState, useTransition } from "react";
import { setCheckInNoteAction } from "@/lib/check-ins/actions";
import { NOTE_MAX_LENGTH } from "@/lib/check-ins/rules";

/**
 * A check-in's note: shown as plain text (React escapes it), with a small editor to add, change or clear it. Used
 * on the dashboard right after a check-in and on the history screen.
 */
export function CheckInNote({ checkInId, note, label }: { checkInId: string; note: string | null; label: string }) {
  const [saved, setSaved] = useState(note);
  const [draft, setDraft] = useState(note ?? "");
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await setCheckInNoteAction({ id: checkInId, note: draft });
      if (!result.ok) return setError(result.fieldErrors?.note ?? result.error);
      setSaved(result.data.note);
      setError(null);
      setEditing(false);
    });
  }

  if (!editing) {
    return (
      <span className="flex flex-wrap items-baseline gap-x-2 text-sm">
        {saved && (
          <q className="whitespace-pre-wrap text-slate-200" data-testid="check-in-note">
            {saved}
          </q>
        )}
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="min-h-11 text-xs text-system underline underline-offset-4"
          aria-label={`${saved ? "Edit the note on" : "Add a note to"} ${label}`}
        >
          {saved ? "Edit note" : "Add a note"}
        </button>
      </span>
    );
  }
  return (
    <form onSubmit={save} className="flex w-full flex-col gap-1" aria-busy={pending}>
      <label htmlFor={`${id}-note`} className="text-xs text-mist">
        Note on {label} (up to {NOTE_MAX_LENGTH} characters)
      </label>
      <textarea
        id={`${id}-note`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        maxLength={NOTE_MAX_LENGTH}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="border border-system/40 bg-void px-2 py-1 text-sm text-slate-100"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-[#ff6680]">
          {error}
        </p>
      )}
      <span className="flex gap-3">
        <button type="submit" disabled={pending} className="min-h-11 text-sm font-bold text-system underline">
          Save note
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(saved ?? "");
            setEditing(false);
            setError(null);
          }}
          className="min-h-11 text-sm text-mist underline"
        >
          Cancel
        </button>
      </span>
    </form>
  );
}
