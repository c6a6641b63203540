"use client";
import { useState, useTransition } from "react";
import type { SystemMessage } from "@/components/ui/system-status";
import type { Recommendation } from "@/lib/insights/suggestions";
import { createQuestAction, updateQuestAction } from "@/lib/quests/actions";

const ACTION_LABEL: Record<Recommendation["kind"], string> = {
  NEW_QUEST: "Accept quest",
  EASIER: "Make it easier",
  RENAME: "Rename",
};

const DONE_TEXT: Record<Recommendation["kind"], string> = {
  NEW_QUEST: "[SYSTEM] Quest accepted.",
  EASIER: "[SYSTEM] The quest is adjusted.",
  RENAME: "[SYSTEM] The quest bears its new name.",
};

const subject = (item: Recommendation) => (item.kind === "NEW_QUEST" ? item.draft.title : item.title);

/**
 * The System's recommendations, each taken with one tap: a new quest created, an easier variant or a name applied.
 * A taken one leaves the list when the page refreshes; the System's reply stays, below the list.
 */
export function RecommendationList({ items }: { items: Recommendation[] }) {
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function accept(item: Recommendation) {
    startTransition(async () => {
      const result =
        item.kind === "NEW_QUEST"
          ? await createQuestAction(item.draft)
          : await updateQuestAction({ id: item.questId, ...item.change });
      if (result.ok) setTaken((current) => new Set(current).add(item.id));
      setMessage(result.ok ? { text: DONE_TEXT[item.kind], error: false } : { text: result.error, error: true });
    });
  }

  return (
    <div className="flex flex-col gap-3" aria-busy={pending}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-400">The System has nothing to add.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 border border-system/20 p-3">
              <p className="text-slate-100">{item.text}</p>
              <button
                type="button"
                onClick={() => accept(item)}
                disabled={pending || taken.has(item.id)}
                className="min-h-11 w-fit border border-system px-4 text-sm font-bold text-system disabled:opacity-50"
                aria-label={`${ACTION_LABEL[item.kind]}: ${subject(item)}`}
              >
                {taken.has(item.id) ? "Done" : ACTION_LABEL[item.kind]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* A live region without the status role: the dashboard's quest list owns the page's one status. */}
      <p aria-live="polite" className={`text-sm ${message?.error ? "text-[#ff6680]" : "text-system"}`}>
        {message?.text}
      </p>
    </div>
  );
}
