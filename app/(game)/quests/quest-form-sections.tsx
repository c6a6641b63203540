import { Choice, ChoiceGroup, ErrorText, Field, SelectField, TextAreaField, TimeField } from "@/components/ui/field";
import { titleCase, WEEKDAYS } from "@/components/quests/describe";
import { DIFFICULTIES, STATS } from "@/lib/progression/rules";
import { CREATABLE_KINDS, type Schedule } from "@/lib/quests/schemas";
import type { FieldErrors } from "@/lib/validation";
import type { QuestFormValues } from "./quest-values";

/** What each section of the quest form gets: the values, a setter for one of them, and the field errors. */
export type SectionProps = {
  v: QuestFormValues;
  set: <K extends keyof QuestFormValues>(key: K, value: QuestFormValues[K]) => void;
  errors: FieldErrors;
};

const KIND_LABEL: Record<QuestFormValues["kind"], string> = { DAILY: "Daily", HABIT: "Habit", ONE_TIME: "To-do" };
const SCHEDULES: { type: Schedule["type"]; label: string }[] = [
  { type: "EVERY_DAY", label: "Every day" },
  { type: "WEEKDAYS", label: "On weekdays" },
  { type: "EVERY_N_DAYS", label: "Every N days" },
  { type: "TIMES_PER_WEEK", label: "N times a week" },
];

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

export function KindSection({ v, set, errors }: SectionProps) {
  return (
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
  );
}

/** Title, difficulty and (for dailies and habits) the stats the quest feeds. */
export function BasicsSection({ v, set, errors }: SectionProps) {
  return (
    <>
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
            {titleCase(d)}
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
    </>
  );
}

export function ScheduleSection({ v, set, errors }: SectionProps) {
  return (
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
  );
}

export function HabitSection({ v, set, errors }: SectionProps) {
  return (
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
  );
}

/** A to-do's due day and checklist. */
export function TodoSection({ v, set, errors }: SectionProps) {
  const setItem = (i: number, text: string) =>
    set(
      "checklist",
      v.checklist.map((c, j) => (j === i ? { ...c, text } : c)),
    );
  return (
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
                onChange={(e) => setItem(i, e.target.value)}
                error={errors[`checklist.${i}`]}
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
  );
}

/** How often a day asks for the quest, and a numeric target (not for to-dos: a check-in completes them). */
export function TargetSection({ v, set, errors }: SectionProps) {
  return (
    <>
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
            error={errors["target.direction"]}
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
    </>
  );
}

const REMINDER_LABELS = ["Reminder time (optional)", "Second reminder (optional)", "Third reminder (optional)"];

export function NotesSection({ v, set, errors }: SectionProps) {
  return (
    <>
      {REMINDER_LABELS.map(
        (label, i) =>
          // The next reminder field appears once the one before it holds a time.
          (i === 0 || v.reminderTimes[i - 1] !== "") && (
            <TimeField
              key={label}
              label={label}
              name={`reminderTimes.${i}`}
              value={v.reminderTimes[i] ?? ""}
              onValueChange={(time) =>
                set(
                  "reminderTimes",
                  v.reminderTimes.map((t, j) => (j === i ? time : t)),
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
    </>
  );
}
