"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import { draftQuestAction } from "@/lib/insights/actions";
import { MAX_SENTENCE_LENGTH } from "@/lib/insights/schemas";
import { blankQuest, draftValues } from "../form-values";
import { QuestForm } from "../quest-form";

const FIELD_NAMES: Record<string, string> = {
  kind: "the kind",
  title: "a title",
  stats: "one or two stats",
  difficulty: "the difficulty",
  schedule: "the schedule",
  target: "the target",
};

/**
 * "Describe your quest" above the new-quest form: the System reads the sentence (POST /api/v1/quests/draft's
 * reader) and fills the form for the Hunter to check and create. Nothing is saved until they do.
 */
export function NewQuest({ today }: { today: string }) {
  const [text, setText] = useState("");
  const [filled, setFilled] = useState({ version: 0, values: blankQuest(today) });
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function read(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await draftQuestAction({ text });
      if (!result.ok) {
        setMessage({ text: result.fieldErrors?.text ?? result.error, error: true });
        return;
      }
      const { draft, missing, notice } = result.data;
      setFilled((current) => ({ version: current.version + 1, values: draftValues(draft, today) }));
      const still = missing.map((field) => FIELD_NAMES[field] ?? field);
      setMessage({
        text: [
          notice,
          "[SYSTEM] The quest is drafted below. Check it, then create it.",
          still.length > 0 && `Still to choose: ${still.join(", ")}.`,
        ]
          .filter(Boolean)
          .join(" "),
        error: false,
      });
    });
  }

  return (
    <>
      <Panel title="Describe your quest">
        <form onSubmit={read} className="flex flex-col gap-3" aria-busy={pending}>
          <label htmlFor="describe" className="text-sm font-medium text-mist">
            In your own words
          </label>
          <input
            id="describe"
            name="describe"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_SENTENCE_LENGTH}
            placeholder="read 20 pages every day"
            aria-describedby="describe-hint"
            className="min-h-11 border border-system/40 bg-void px-3 text-slate-100 placeholder:text-slate-500"
          />
          <p id="describe-hint" className="text-xs text-slate-400">
            e.g. &ldquo;run 3 times a week before work&rdquo;, &ldquo;no doom-scrolling after 10pm&rdquo;, &ldquo;file
            the tax return by Friday&rdquo;.
          </p>
          <Button type="submit" disabled={pending || text.trim() === ""}>
            {pending ? "Reading…" : "Draft it"}
          </Button>
          <SystemStatus message={message} />
        </form>
      </Panel>
      <Panel title="New quest">
        <QuestForm key={filled.version} initial={filled.values} />
      </Panel>
    </>
  );
}
