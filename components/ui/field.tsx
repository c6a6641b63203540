import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { readLocalTime } from "@/lib/time/rules";

const CONTROL =
  "min-h-11 w-full border border-system/40 bg-void px-3 text-slate-100 placeholder:text-slate-500 aria-invalid:border-blood";

/** The ids a control's hint and error carry, for its aria-describedby. */
function describedBy(name: string, error?: string, hint?: string): string | undefined {
  return [error && `${name}-error`, hint && `${name}-hint`].filter(Boolean).join(" ") || undefined;
}

export function ErrorText({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="text-sm text-[#ff6680]">
      {error}
    </p>
  );
}

type Shell = { label: string; name: string; error?: string; hint?: string };

/**
 * The one shell every labelled control sits in: its label, the control, a hint and an error that is announced and
 * tied to the control (aria-describedby, aria-invalid).
 */
function FieldShell({ label, name, error, hint, children }: Shell & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-mist">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-400">
          {hint}
        </p>
      )}
      <ErrorText id={`${name}-error`} error={error} />
    </div>
  );
}

const controlProps = ({ name, error, hint }: Shell) => ({
  id: name,
  name,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": describedBy(name, error, hint),
});

export function Field({ label, name, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & Shell) {
  const shell = { label, name, error, hint };
  return (
    <FieldShell {...shell}>
      <input {...controlProps(shell)} className={CONTROL} {...input} />
    </FieldShell>
  );
}

/**
 * A time of day, typed on the 24-hour clock as "HH:MM" (docs/rules.md "Times of day"). Not `type="time"`: a
 * browser's own time picker shows AM/PM in some locales, and the System writes every time as 24-hour. What the
 * Hunter types is read when they leave the field ("7:30" becomes "07:30"); anything else stays for the schema to
 * refuse.
 */
export function TimeField({
  value,
  onValueChange,
  hint = "24-hour clock, e.g. 07:30",
  ...field
}: Shell & { value: string; onValueChange: (time: string) => void }) {
  return (
    <Field
      {...field}
      hint={hint}
      value={value}
      inputMode="numeric"
      placeholder="HH:MM"
      maxLength={5}
      autoComplete="off"
      onChange={(event) => onValueChange(event.target.value)}
      onBlur={() => onValueChange(readLocalTime(value) ?? value)}
    />
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & Shell & { children: ReactNode }) {
  const shell = { label, name, error, hint };
  return (
    <FieldShell {...shell}>
      <select {...controlProps(shell)} className={CONTROL} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...area
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Shell) {
  const shell = { label, name, error, hint };
  return (
    <FieldShell {...shell}>
      <textarea {...controlProps(shell)} className={`${CONTROL} py-2`} rows={4} {...area} />
    </FieldShell>
  );
}

/** A group of checkboxes or radios with a legend and one error for the group. */
export function ChoiceGroup({
  legend,
  name,
  error,
  children,
}: {
  legend: string;
  name: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="mb-1 text-sm font-medium text-mist">{legend}</legend>
      <div className="flex flex-wrap gap-2">{children}</div>
      <ErrorText id={`${name}-error`} error={error} />
    </fieldset>
  );
}

export function Choice({
  type,
  name,
  label,
  checked,
  onChange,
  value,
}: {
  type: "checkbox" | "radio";
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  value?: string;
}) {
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-2 border border-system/30 px-3 has-[:checked]:border-system has-[:checked]:text-system">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="h-5 w-5 accent-[#00d9ff]"
      />
      {label}
    </label>
  );
}
