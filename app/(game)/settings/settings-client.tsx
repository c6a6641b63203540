"use client";
import { signOut } from "next-auth/react";
import { useRef, useState, useTransition } from "react";
import { Choice, SelectField } from "@/components/quests/form-controls";
import { dayEndLabel, dayStartChoices } from "@/components/settings/day-end";
import { DangerButton } from "@/components/settings/danger-button";
import { focusFirstError } from "@/components/quests/focus-first-error";
import { Button } from "@/components/ui/button";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation";
import {
  addRestPeriodAction,
  endRestPeriodAction,
  deleteAccountAction,
  signOutEverywhereAction,
  updatePlayerAction,
} from "@/lib/player/actions";

export function ClockForm(props: {
  zones: string[];
  timeZone: string;
  dayStartMinute: number;
  leaderboardOptOut: boolean;
}) {
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [dayStartMinute, setDayStartMinute] = useState(props.dayStartMinute);
  const [optOut, setOptOut] = useState(props.leaderboardOptOut);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updatePlayerAction({ timeZone, dayStartMinute, leaderboardOptOut: optOut });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { text: "[SYSTEM] Settings saved.", error: false } : { text: result.error, error: true });
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        error={errors.timeZone}
      >
        {props.zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Day start"
        name="dayStartMinute"
        value={dayStartMinute}
        onChange={(e) => setDayStartMinute(Number(e.target.value))}
        error={errors.dayStartMinute}
        hint="Night owl? Let your day run on past midnight."
      >
        {dayStartChoices(props.dayStartMinute).map((minute) => (
          <option key={minute} value={minute}>
            {dayEndLabel(minute)}
          </option>
        ))}
      </SelectField>
      <Choice
        type="checkbox"
        name="leaderboardOptOut"
        label="Hide me from the leaderboards"
        checked={optOut}
        onChange={setOptOut}
      />
      <SystemStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}

export function RestForm({
  today,
  periods,
}: {
  today: string;
  periods: { id: string; startDay: string; endDay: string }[];
}) {
  const restRef = useRef<HTMLFormElement>(null);
  const [startDay, setStartDay] = useState(today);
  const [endDay, setEndDay] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await addRestPeriodAction({ startDay, endDay });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        focusFirstError(restRef.current);
        return setMessage({ text: result.error, error: true });
      }
      setErrors({});
      setMessage({ text: `[SYSTEM] Safe Zone from ${result.data.startDay} to ${result.data.endDay}.`, error: false });
    });
  }

  function end(id: string, started: boolean) {
    startTransition(async () => {
      const result = await endRestPeriodAction({ id });
      setMessage(
        result.ok
          ? {
              text: started ? "[SYSTEM] Rest ended: your dailies are due from today." : "[SYSTEM] Rest cancelled.",
              error: false,
            }
          : { text: result.error, error: true },
      );
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-mist">During rest no daily is due, no shield is used and strength holds still.</p>
      {periods.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm text-slate-100" aria-label="Upcoming rest periods">
          {periods.map((p) => {
            const when = p.startDay === p.endDay ? p.startDay : `${p.startDay} to ${p.endDay}`;
            const started = p.startDay <= today;
            return (
              <li key={p.id} className="flex items-center justify-between gap-3">
                <span>{when}</span>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => end(p.id, started)}
                  className="min-h-11 px-2 text-sm text-mist underline"
                  aria-label={`${started ? "End" : "Cancel"} rest ${when}`}
                >
                  {started ? "End now" : "Cancel"}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-400">No rest planned.</p>
      )}
      <form ref={restRef} onSubmit={submit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field
            label="Rest from"
            name="startDay"
            type="date"
            value={startDay}
            onChange={(e) => setStartDay(e.target.value)}
            error={errors.startDay}
          />
          <Field
            label="Rest until"
            name="endDay"
            type="date"
            value={endDay}
            onChange={(e) => setEndDay(e.target.value)}
            error={errors.endDay}
          />
        </div>
        <SystemStatus message={message} />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add rest period"}
        </Button>
      </form>
    </div>
  );
}

export function AccountActions({ hunterName, tokenCount }: { hunterName: string; tokenCount: number }) {
  const deleteRef = useRef<HTMLFormElement>(null);
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function everywhere() {
    startTransition(async () => {
      const result = await signOutEverywhereAction({ revokeTokens });
      if (!result.ok) return setMessage({ text: result.error, error: true });
      await signOut({ callbackUrl: "/sign-in" });
    });
  }

  function remove(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await deleteAccountAction({ confirmName });
      if (!result.ok) {
        setError(result.fieldErrors?.confirmName ?? result.error);
        focusFirstError(deleteRef.current);
        return;
      }
      await signOut({ callbackUrl: "/" });
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-mist">
        Sign out everywhere ends every browser session of this account, this one included. Personal access tokens are
        separate: they keep working unless you revoke them too.
      </p>
      {tokenCount > 0 && (
        <Choice
          type="checkbox"
          name="revokeTokens"
          label={`Also revoke my ${tokenCount === 1 ? "personal access token" : `${tokenCount} personal access tokens`}`}
          checked={revokeTokens}
          onChange={setRevokeTokens}
        />
      )}
      <Button type="button" onClick={everywhere} disabled={pending}>
        {pending && !confirming ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <SystemStatus message={message} />
      <div className="flex flex-col gap-3 border-t border-blood/40 pt-4">
        {confirming ? (
          <form ref={deleteRef} onSubmit={remove} noValidate className="flex flex-col gap-3" aria-busy={pending}>
            <p className="text-[#ff6680]">
              This deletes your Hunter, quests and history for good. Type <strong>{hunterName}</strong> to confirm.
            </p>
            <Field
              label="Hunter name"
              name="confirmName"
              value={confirmName}
              autoComplete="off"
              onChange={(e) => setConfirmName(e.target.value)}
              error={error}
            />
            <div className="flex flex-wrap gap-2">
              <DangerButton type="submit" disabled={pending}>
                {pending ? "Deleting…" : "Delete my account"}
              </DangerButton>
              <Button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <DangerButton type="button" onClick={() => setConfirming(true)}>
            Delete account…
          </DangerButton>
        )}
      </div>
    </div>
  );
}
