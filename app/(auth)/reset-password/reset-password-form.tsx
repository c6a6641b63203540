"use client";
import Link from "next/link";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { resetPasswordAction } from "@/lib/accounts/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, submit, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4 text-center">
        <SystemStatus message={{ text: "[SYSTEM] Password changed. Every session was signed out.", error: false }} />
        <Link href="/sign-in" className="inline-flex min-h-11 items-center justify-center text-system underline">
          Sign in
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => submit(form));
      }}
    >
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters, hard to guess."
        error={errors.password ?? errors.token}
      />
      <SystemStatus message={state && !state.ok && !state.fieldErrors ? { text: state.error, error: true } : null} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
