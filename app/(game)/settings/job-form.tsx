"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice, ChoiceGroup } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { changeJobAction } from "@/lib/player/actions";
import { aJob, JOB_NAMES, JOBS, type Job } from "@/lib/progression/rules";

/** Job Change after the Awakening: once every 30 days; the first one unlocks Second Awakening. */
export function JobForm({ job, nextChange }: { job: Job | null; nextChange: string | null }) {
  const [chosen, setChosen] = useState<Job | null>(job);
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    form.run(
      () => changeJobAction({ job: chosen }),
      () => ({ text: `[SYSTEM] Job Change complete. You are now ${aJob(chosen)}.`, error: false }),
    );
  }

  // The reply outlives the form: once the job has changed, the next change is 30 days away.
  if (nextChange) {
    return (
      <div className="flex flex-col gap-2">
        <SystemStatus message={form.message} />
        <p className="text-sm text-mist">
          {job ? `You are ${aJob(job)}. ` : ""}Your job can change again on {nextChange}.
        </p>
      </div>
    );
  }
  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <ChoiceGroup legend="Job" name="job" error={form.errors.job}>
        {JOB_NAMES.map((name) => (
          <Choice
            key={name}
            type="radio"
            name="job"
            label={`${JOBS[name].name} (+5 ${JOBS[name].stats.join(", +5 ")})`}
            checked={chosen === name}
            onChange={() => setChosen(name)}
          />
        ))}
      </ChoiceGroup>
      <p className="text-sm text-mist">A job can change once every 30 days.</p>
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending || chosen === job}>
        {form.pending ? "Changing…" : "Change job"}
      </Button>
    </Form>
  );
}
