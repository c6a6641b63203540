"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { draftQuestAction } from "@/lib/insights/actions";
import { MAX_SENTENCE_LENGTH } from "@/lib/insights/schemas";
import { blankQuest, draftValues } from "../quest-values";
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
  const form = useForm();

  function read(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => draftQuestAction({ text }),
      ({ draft, missing, notice }) => {
        setFilled((current) => ({ version: current.version + 1, values: draftValues(draft, today) }));
        const still = missing.map((field) => FIELD_NAMES[field] ?? field);
        return {
          text: [
            notice,
            "[SYSTEM] The quest is drafted below. Check it, then create it.",
            still.length > 0 && `Still to choose: ${still.join(", ")}.`,
          ]
            .filter(Boolean)
            .join(" "),
          error: false,
        };
      },
    );
  }

  return (
    <>
      <Panel title="Describe your quest">
        <Form form={form} onSubmit={read} noValidate className="flex flex-col gap-3">
          <Field
            label="In your own words"
            name="describe"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_SENTENCE_LENGTH}
            placeholder="read 20 pages every day"
            error={form.errors.text}
            hint="e.g. “run 3 times a week before work”, “no doom-scrolling after 10pm”, “file the tax return by Friday”."
          />
          <Button type="submit" disabled={form.pending || text.trim() === ""}>
            {form.pending ? "Reading…" : "Draft it"}
          </Button>
          <SystemStatus message={form.message} />
        </Form>
      </Panel>
      <Panel title="New quest">
        <QuestForm key={filled.version} initial={filled.values} />
      </Panel>
    </>
  );
}
