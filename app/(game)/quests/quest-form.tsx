"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Choice, ChoiceGroup, ErrorText, SelectField, TextAreaField } from "@/components/quests/form-controls";
import { DangerButton } from "@/components/settings/danger-button";
import { focusFirstError } from "@/components/quests/focus-first-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation";
import { archiveQuestAction, createQuestAction, updateQuestAction } from "@/lib/quests/actions";
import { DIFFICULTIES, STATS } from "@/lib/progression/rules";
import { CREATABLE_KINDS, type Schedule } from "@/lib/quests/schemas";

type Kind = (typeof CREATABLE_KINDS)[number];

export type QuestFormValues = {
  kind: Kind;
  title: string;
  notes: string;
  difficulty: (typeof DIFFICULTIES)[number];
  stats: string[];
  scheduleType: Schedule["type"];
  weekdays: number[];
  everyN: string;
  anchor: string;
  perWeek: string;
  timesPerDay: string;
  hasTarget: boolean;
  targetValue: string;
  targetUnit: string;
  targetDirection: "AT_LEAST" | "AT_MOST";
  /** Three inputs, blank when unused (a quest reminds up to three times a day). */
  reminderTimes: string[];
  positive: boolean;
  dueDay: string;
  checklist: { text: string; done: boolean }[];
};

const REMINDER_LABELS = ["Reminder time (optional)", "Second reminder (optional)", "Third reminder (optional)"];

const KIND_LABEL: Record<Kind, string> = { DAILY: "Daily", HABIT: "Habit", ONE_TIME: "One-time" };
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const SCHEDULES: { type: Schedule["type"]; label: string }[] = [
  { type: "EVERY_DAY", label: "Every day" },
  { type: "WEEKDAYS", label: "On weekdays" },
  { type: "EVERY_N_DAYS", label: "Every N days" },
  { type: "TIMES_PER_WEEK", label: "N times a week" },
];

/** Numbers stay as typed when they do not parse, so zod reports them instead of the form guessing. */
const num = (value: string): number | string =>
  value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;

function schedule(v: QuestFormValues) {
  switch (v.scheduleType) {
    case "EVERY_DAY":
      return { type: "EVERY_DAY" };
    case "WEEKDAYS":
      return { type: "WEEKDAYS", days: [...v.weekdays].sort() };
    case "EVERY_N_DAYS":
      return { type: "EVERY_N_DAYS", n: num(v.everyN), anchor: v.anchor };
    case "TIMES_PER_WEEK":
      return { type: "TIMES_PER_WEEK", n: num(v.perWeek) };
  }
}

function payload(v: QuestFormValues) {
  return {
    title: v.title,
    notes: v.notes,
    difficulty: v.difficulty,
    ...(v.kind !== "ONE_TIME" && { stats: v.stats }),
    timesPerDay: num(v.timesPerDay),
    target:
      v.hasTarget && v.kind !== "ONE_TIME"
        ? { value: num(v.targetValue), unit: v.targetUnit, direction: v.targetDirection }
        : null,
    reminderTimes: v.reminderTimes.filter((time) => time !== ""),
    ...(v.kind === "DAILY" && { schedule: schedule(v) }),
    ...(v.kind === "HABIT" && { positive: v.positive }),
    ...(v.kind === "ONE_TIME" && {
      dueDay: v.dueDay === "" ? null : v.dueDay,
      checklist: v.checklist.filter((item) => item.text.trim() !== ""),
    }),
  };
}

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const set = <K extends keyof QuestFormValues>(key: K, value: QuestFormValues[K]) =>
    setV((current) => ({ ...current, [key]: value }));
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const body = payload(v);
      const result = questId
        ? await updateQuestAction({ id: questId, ...body })
        : await createQuestAction({ kind: v.kind, ...body });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        focusFirstError(formRef.current);
        setFormError(result.error);
        return;
      }
      router.push(`/quests/${result.data.id}`);
    });
  }

  function archive() {
    if (!questId) return;
    startTransition(async () => {
      const result = await archiveQuestAction({ id: questId });
      if (!result.ok) return setFormError(result.error);
      router.push("/dashboard");
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      {!questId && (
        <ChoiceGroup legend="Kind" name="kind" error={errors.kind}>
          {CREATABLE_KINDS.map((kind) => (
            <Choice
              key={kind}
              type="radio"
              name="kind"
              value={kind}
              label={KIND_LABEL[kind]}
              checked={v.kind === kind}
              onChange={() => set("kind", kind)}
            />
          ))}
        </ChoiceGroup>
      )}
      <Field
        label="Title"
        name="title"
        value={v.title}
        maxLength={120}
        onChange={(e) => set("title", e.target.value)}
        error={errors.title}
      />
      <SelectField
        label="Difficulty"
        name="difficulty"
        value={v.difficulty}
        onChange={(e) => set("difficulty", e.target.value as QuestFormValues["difficulty"])}
        error={errors.difficulty}
        hint="Easy 50 XP · Normal 100 XP · Hard 150 XP"
      >
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {d[0] + d.slice(1).toLowerCase()}
          </option>
        ))}
      </SelectField>
      {/* To-dos feed no stats (docs/rules.md "Stats"), so the form does not ask. */}
      {v.kind !== "ONE_TIME" && (
        <ChoiceGroup legend="Stats (one or two)" name="stats" error={errors.stats}>
          {STATS.map((stat) => (
            <Choice
              key={stat}
              type="checkbox"
              name="stats"
              value={stat}
              label={stat}
              checked={v.stats.includes(stat)}
              onChange={(on) => set("stats", toggle(v.stats, stat, on))}
            />
          ))}
        </ChoiceGroup>
      )}

      {v.kind === "DAILY" && (
        <>
          <ChoiceGroup legend="Schedule" name="schedule" error={errors.schedule}>
            {SCHEDULES.map((s) => (
              <Choice
                key={s.type}
                type="radio"
                name="scheduleType"
                value={s.type}
                label={s.label}
                checked={v.scheduleType === s.type}
                onChange={() => set("scheduleType", s.type)}
              />
            ))}
          </ChoiceGroup>
          {v.scheduleType === "WEEKDAYS" && (
            <ChoiceGroup legend="Weekdays" name="schedule.days" error={errors["schedule.days"]}>
              {WEEKDAYS.map((label, i) => (
                <Choice
                  key={label}
                  type="checkbox"
                  name="weekdays"
                  value={String(i + 1)}
                  label={label}
                  checked={v.weekdays.includes(i + 1)}
                  onChange={(on) => set("weekdays", toggle(v.weekdays, i + 1, on))}
                />
              ))}
            </ChoiceGroup>
          )}
          {v.scheduleType === "EVERY_N_DAYS" && (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <Field
                label="Every how many days"
                name="schedule.n"
                type="number"
                inputMode="numeric"
                min={2}
                max={365}
                value={v.everyN}
                onChange={(e) => set("everyN", e.target.value)}
                error={errors["schedule.n"]}
              />
              <Field
                label="Starting on"
                name="schedule.anchor"
                type="date"
                value={v.anchor}
                onChange={(e) => set("anchor", e.target.value)}
                error={errors["schedule.anchor"]}
              />
            </div>
          )}
          {v.scheduleType === "TIMES_PER_WEEK" && (
            <Field
              label="Times per week"
              name="schedule.n"
              type="number"
              inputMode="numeric"
              min={1}
              max={6}
              value={v.perWeek}
              onChange={(e) => set("perWeek", e.target.value)}
              error={errors["schedule.n"]}
            />
          )}
        </>
      )}

      {v.kind === "HABIT" && (
        <ChoiceGroup legend="This habit is" name="positive" error={errors.positive}>
          <Choice
            type="radio"
            name="positive"
            label="Good (+XP)"
            checked={v.positive}
            onChange={() => set("positive", true)}
          />
          <Choice
            type="radio"
            name="positive"
            label="Bad (−XP)"
            checked={!v.positive}
            onChange={() => set("positive", false)}
          />
        </ChoiceGroup>
      )}

      {v.kind === "ONE_TIME" && (
        <>
          <Field
            label="Due day (optional)"
            name="dueDay"
            type="date"
            value={v.dueDay}
            onChange={(e) => set("dueDay", e.target.value)}
            error={errors.dueDay}
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-mist">Checklist</legend>
            {v.checklist.map((item, i) => (
              <div key={i} className="flex items-end gap-2">
                <div className="flex-1">
                  <Field
                    label={`Item ${i + 1}`}
                    name={`checklist-${i}`}
                    value={item.text}
                    onChange={(e) =>
                      set(
                        "checklist",
                        v.checklist.map((c, j) => (j === i ? { ...c, text: e.target.value } : c)),
                      )
                    }
                  />
                </div>
                <button
                  type="button"
                  className="min-h-11 px-3 text-sm text-mist underline"
                  aria-label={`Remove item ${i + 1}`}
                  onClick={() =>
                    set(
                      "checklist",
                      v.checklist.filter((_, j) => j !== i),
                    )
                  }
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="min-h-11 self-start text-sm text-system underline"
              disabled={v.checklist.length >= 20}
              onClick={() => set("checklist", [...v.checklist, { text: "", done: false }])}
            >
              Add checklist item
            </button>
            <ErrorText id="checklist-error" error={errors.checklist} />
          </fieldset>
        </>
      )}

      <Field
        label="Times per day"
        name="timesPerDay"
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        value={v.timesPerDay}
        onChange={(e) => set("timesPerDay", e.target.value)}
        error={errors.timesPerDay}
      />
      {v.kind !== "ONE_TIME" && (
        <Choice
          type="checkbox"
          name="hasTarget"
          label="Numeric target"
          checked={v.hasTarget}
          onChange={(on) => set("hasTarget", on)}
        />
      )}
      {v.hasTarget && v.kind !== "ONE_TIME" && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <SelectField
            label="Direction"
            name="target.direction"
            value={v.targetDirection}
            onChange={(e) => set("targetDirection", e.target.value as QuestFormValues["targetDirection"])}
          >
            <option value="AT_LEAST">At least</option>
            <option value="AT_MOST">At most</option>
          </SelectField>
          <Field
            label="Target"
            name="target.value"
            type="number"
            inputMode="decimal"
            value={v.targetValue}
            onChange={(e) => set("targetValue", e.target.value)}
            error={errors["target.value"]}
          />
          <Field
            label="Unit"
            name="target.unit"
            value={v.targetUnit}
            placeholder="steps"
            onChange={(e) => set("targetUnit", e.target.value)}
            error={errors["target.unit"]}
          />
        </div>
      )}
      {REMINDER_LABELS.map(
        (label, i) =>
          // The next reminder field appears once the one before it holds a time.
          (i === 0 || v.reminderTimes[i - 1] !== "") && (
            <Field
              key={label}
              label={label}
              name={`reminderTimes.${i}`}
              type="time"
              value={v.reminderTimes[i] ?? ""}
              onChange={(e) =>
                set(
                  "reminderTimes",
                  v.reminderTimes.map((t, j) => (j === i ? e.target.value : t)),
                )
              }
              error={errors[`reminderTimes.${i}`] ?? (i === 0 ? errors.reminderTimes : undefined)}
            />
          ),
      )}
      <TextAreaField
        label="Notes"
        name="notes"
        value={v.notes}
        maxLength={1100}
        onChange={(e) => set("notes", e.target.value)}
        error={errors.notes}
      />
      <p role="status" aria-live="polite" className="text-sm text-[#ff6680]">
        {formError}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : questId ? "Save quest" : "Create quest"}
      </Button>

      {questId && archived && <p className="mt-4 text-center text-slate-400">This quest is archived.</p>}
      {questId && !archived && (
        <div className="mt-4 flex flex-col gap-2 border-t border-blood/40 pt-4">
          {confirmArchive ? (
            <>
              <p className="text-[#ff6680]">Archive this quest? It stops being due; its history is kept.</p>
              <div className="flex gap-2">
                <DangerButton type="button" disabled={pending} onClick={archive}>
                  {pending ? "Archiving…" : "Yes, archive"}
                </DangerButton>
                <Button type="button" onClick={() => setConfirmArchive(false)}>
                  Cancel
                </Button>
              </div>
            </>
          ) : (
            <DangerButton type="button" onClick={() => setConfirmArchive(true)}>
              Archive quest
            </DangerButton>
          )}
        </div>
      )}
    </form>
  );
}
