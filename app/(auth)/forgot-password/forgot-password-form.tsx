"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useFormAction } from "@/components/ui/use-form";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export function ForgotPasswordForm() {
  const { done, errors, failure, pending, onSubmit } = useFormAction(requestPasswordResetAction);
  const message = done
    ? {
        text: "[SYSTEM] If a Hunter uses that email, a reset link is on its way. It works for 30 minutes.",
        error: false,
      }
    : failure
      ? { text: failure, error: true }
      : null;
  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit}>
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
