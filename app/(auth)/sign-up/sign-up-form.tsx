"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useBrowserTimeZone } from "@/components/ui/use-browser-time-zone";
import { useFormAction } from "@/components/ui/use-form";
import { createAccountAction } from "@/lib/accounts/actions";
import { SIGN_UP_LINK_HOURS } from "@/lib/accounts/schemas";
import type { ActionResult } from "@/lib/errors";

type SignUpResult = { status: "CREATED" | "CONFIRM_EMAIL" } | null;

export function SignUpForm() {
  const router = useRouter();
  const timeZone = useBrowserTimeZone();
  const { data, errors, failure, pending, onSubmit } = useFormAction(
    async (previous: ActionResult<SignUpResult> | null, form: FormData) => {
      const result = await createAccountAction(previous, form);
      // With mail configured, every sign-up (a new email or one with an account) gets the same "check your inbox".
      if (!result.ok || result.data?.status === "CONFIRM_EMAIL") return result;
      const signedIn = await signIn("credentials", {
        email: String(form.get("email")),
        password: String(form.get("password")),
        redirect: false,
      });
      if (!signedIn?.ok)
        return { ok: false as const, error: "Your account exists, but signing in failed. Please sign in." };
      // A new Hunter chooses a job first, so the first dashboard is never empty.
      router.replace("/awakening");
      return result;
    },
  );

  if (data?.status === "CONFIRM_EMAIL") {
    return (
      <div className="flex flex-col gap-4 text-center">
        <SystemStatus
          message={{
            text: `[SYSTEM] Check your email to finish signing up. The link in it works for ${SIGN_UP_LINK_HOURS} hours.`,
            error: false,
          }}
        />
        <Link href="/sign-in" className="inline-flex min-h-11 items-center justify-center text-system underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit}>
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={errors.password}
      />
      <Field
        label="Hunter name"
        name="hunterName"
        autoComplete="nickname"
        required
        maxLength={24}
        error={errors.hunterName}
      />
      <input type="hidden" name="timeZone" value={timeZone} />
      <p className="text-xs text-slate-400">Your days follow your time zone{timeZone && `: ${timeZone}`}.</p>
      {errors.timeZone && (
        <p role="alert" className="text-sm text-[#ff6680]">
          {errors.timeZone}
        </p>
      )}
      {failure && (
        <p role="alert" className="text-sm text-[#ff6680]">
          {failure}
        </p>
      )}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Awakening…" : "Awaken"}
      </Button>
      <p className="text-center text-sm">
        Already a Hunter?{" "}
        <Link href="/sign-in" className="inline-flex min-h-11 items-center text-system underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
