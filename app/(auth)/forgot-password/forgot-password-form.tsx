"use client";
import Link from "next/link";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export function ForgotPasswordForm() {
  const [state, submit, pending] = useActionState(requestPasswordResetAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const message =
    state === null
      ? null
      : state.ok
        ? {
            text: "[SYSTEM] If a Hunter uses that email, a reset link is on its way. It works for 30 minutes.",
            error: false,
          }
        : state.fieldErrors
          ? null
          : { text: state.error, error: true };
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
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <SystemStatus message={message} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="inline-flex min-h-11 items-center text-system underline underline-offset-4">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
