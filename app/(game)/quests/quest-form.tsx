"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DangerButton } from "@/components/settings/danger-button";
import { Button } from "@/components/ui/button";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { archiveQuestAction, createQuestAction, updateQuestAction } from "@/lib/quests/actions";
import {
  BasicsSection,
  HabitSection,
  KindSection,
  NotesSection,
  ScheduleSection,
  TargetSection,
  TodoSection,
  type SectionProps,
} from "./quest-form-sections";
import { questPayload, type QuestFormValues } from "./quest-values";

export function QuestForm({
  initial,
  questId,
  archived = false,
}: {
  initial: QuestFormValues;
  questId?: string;
  archived?: boolean;
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const form = useForm();
  const set: SectionProps["set"] = (key, value) => setV((current) => ({ ...current, [key]: value }));
  const section = { v, set, errors: form.errors };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = questPayload(v);
    form.run(
      () => (questId ? updateQuestAction({ id: questId, ...body }) : createQuestAction({ kind: v.kind, ...body })),
      ({ id }) => router.push(`/quests/${id}`),
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-4">
      {!questId && <KindSection {...section} />}
      <BasicsSection {...section} />
      {v.kind === "DAILY" && <ScheduleSection {...section} />}
      {v.kind === "HABIT" && <HabitSection {...section} />}
      {v.kind === "ONE_TIME" && <TodoSection {...section} />}
      <TargetSection {...section} />
      <NotesSection {...section} />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : questId ? "Save quest" : "Create quest"}
      </Button>
      {questId && archived && <p className="mt-4 text-center text-slate-400">This quest is archived.</p>}
      {questId && !archived && <ArchiveQuest questId={questId} />}
    </Form>
  );
}

function ArchiveQuest({ questId }: { questId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const form = useForm();
  const archive = () =>
    form.run(
      () => archiveQuestAction({ id: questId }),
      () => router.push("/dashboard"),
    );

  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-blood/40 pt-4">
      {confirming ? (
        <>
          <p className="text-[#ff6680]">Archive this quest? It stops being due; its history is kept.</p>
          <div className="flex gap-2">
            <DangerButton type="button" disabled={form.pending} onClick={archive}>
              {form.pending ? "Archiving…" : "Yes, archive"}
            </DangerButton>
            <Button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <DangerButton type="button" onClick={() => setConfirming(true)}>
          Archive quest
        </DangerButton>
      )}
      <SystemStatus message={form.message} />
    </div>
  );
}
