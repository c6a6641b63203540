"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice, ChoiceGroup, Field, SelectField } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { awakenAction } from "@/lib/player/actions";
import { awakeningText } from "./awakening-text";

type Difficulty = "EASY" | "NORMAL" | "HARD";
type Starter = { title: string; difficulty: Difficulty };
export type JobOption = { job: "TANK" | "MAGE" | "ASSASSIN"; name: string; stats: string[]; starters: Starter[] };

export function AwakeningForm(props: { hunterName: string; timeZone: string; zones: string[]; jobs: JobOption[] }) {
  const router = useRouter();
  const [hunterName, setHunterName] = useState(props.hunterName);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [job, setJob] = useState<JobOption["job"] | null>(null);
  const [starters, setStarters] = useState<Starter[]>([]);
  const [reward, setReward] = useState<string | null>(null);
  const form = useForm();
  const { errors, pending } = form;

  useEffect(() => {
    if (!reward) return;
    const timer = setTimeout(() => router.push("/dashboard"), 4000);
    return () => clearTimeout(timer);
  }, [reward, router]);

  function pick(option: JobOption) {
    setJob(option.job);
    setStarters(option.starters.map((s) => ({ ...s })));
    form.clearError("job");
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!job) return form.fail({ job: "Choose a job" }, "Choose a job");
    form.run(
      () => awakenAction({ hunterName, timeZone, job, starters }),
      ({ unlocked }) => {
        setReward(awakeningText(unlocked, props.jobs.find((j) => j.job === job)?.name ?? job));
      },
    );
  }

  if (reward) {
    return (
      <div className="flex flex-col items-center gap-4 text-center">
        <p role="status" className="font-display text-lg text-gold" data-testid="awakening-reward">
          {reward}
        </p>
        <Link
          href="/dashboard"
          className="font-display flex min-h-11 items-center border border-system px-5 font-bold tracking-wider text-system uppercase"
        >
          Enter the System
        </Link>
      </div>
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field
        label="Hunter name"
        name="hunterName"
        value={hunterName}
        autoComplete="nickname"
        onChange={(e) => setHunterName(e.target.value)}
        error={errors.hunterName}
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        error={errors.timeZone}
        hint="Your days start and end in this zone."
      >
        {props.zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup legend="Job Change" name="job" error={errors.job}>
        {props.jobs.map((option) => (
          <Choice
            key={option.job}
            type="radio"
            name="job"
            value={option.job}
            label={`${option.name} (${option.stats.join("/")})`}
            checked={job === option.job}
            onChange={() => pick(option)}
          />
        ))}
      </ChoiceGroup>
      {job && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-medium text-mist">Starter dailies</legend>
          {starters.map((starter, i) => (
            <div key={i} className="grid grid-cols-1 gap-2 border border-system/20 p-3 sm:grid-cols-[1fr_10rem]">
              <Field
                label={`Daily ${i + 1} title`}
                name={`starters.${i}.title`}
                value={starter.title}
                onChange={(e) => setStarters(starters.map((s, j) => (j === i ? { ...s, title: e.target.value } : s)))}
                error={errors[`starters.${i}.title`]}
              />
              <SelectField
                label={`Daily ${i + 1} difficulty`}
                name={`starters.${i}.difficulty`}
                value={starter.difficulty}
                onChange={(e) =>
                  setStarters(
                    starters.map((s, j) => (j === i ? { ...s, difficulty: e.target.value as Difficulty } : s)),
                  )
                }
              >
                <option value="EASY">Easy</option>
                <option value="NORMAL">Normal</option>
                <option value="HARD">Hard</option>
              </SelectField>
            </div>
          ))}
        </fieldset>
      )}
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={pending}>
        {pending ? "Awakening…" : "Confirm"}
      </Button>
    </Form>
  );
}
