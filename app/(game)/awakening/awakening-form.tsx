"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ChoiceGroup, Choice, SelectField } from "@/components/quests/form-controls";
import { focusFirstError } from "@/components/quests/focus-first-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation";
import { awakenAction } from "@/lib/player/actions";

type Difficulty = "EASY" | "NORMAL" | "HARD";
type Starter = { title: string; difficulty: Difficulty };
export type JobOption = { job: "TANK" | "MAGE" | "ASSASSIN"; name: string; stats: string[]; starters: Starter[] };

export function AwakeningForm(props: { hunterName: string; timeZone: string; zones: string[]; jobs: JobOption[] }) {
  const router = useRouter();
  const [hunterName, setHunterName] = useState(props.hunterName);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [job, setJob] = useState<JobOption["job"] | null>(null);
  const [starters, setStarters] = useState<Starter[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reward, setReward] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!reward) return;
    const timer = setTimeout(() => router.push("/dashboard"), 4000);
    return () => clearTimeout(timer);
  }, [reward, router]);

  function pick(option: JobOption) {
    setJob(option.job);
    setStarters(option.starters.map((s) => ({ ...s })));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!job) return setErrors({ job: "Choose a job" });
    startTransition(async () => {
      const result = await awakenAction({ hunterName, timeZone, job, starters });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        focusFirstError(formRef.current);
        setFormError(result.error);
        return;
      }
      setErrors({});
      setFormError(null);
      setReward(
        `[SYSTEM] Achievement unlocked: The Awakened. +100 gold. Your Job Change is complete: you are a ${props.jobs.find((j) => j.job === job)?.name}.`,
      );
    });
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
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
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
      <p role="status" aria-live="polite" className="text-sm text-[#ff6680]">
        {formError}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Awakening…" : "Confirm"}
      </Button>
    </form>
  );
}
