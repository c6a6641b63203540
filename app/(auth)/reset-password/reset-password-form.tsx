"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useFormAction } from "@/components/ui/use-form";
import { resetPasswordAction } from "@/lib/accounts/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { done, errors, failure, pending, onSubmit } = useFormAction(resetPasswordAction);
  if (done) {
    return (
      <div className="flex flex-col gap-4 text-center">
        <SystemStatus message={{ text: "[SYSTEM] Password changed. Every session was signed out.", error: false }} />
        <Link href="/sign-in" className="inline-flex min-h-11 items-center justify-center text-system underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit}>
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
      <SystemStatus message={failure ? { text: failure, error: true } : null} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
