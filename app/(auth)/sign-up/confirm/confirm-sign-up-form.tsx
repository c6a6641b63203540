"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useFormAction } from "@/components/ui/use-form";
import { confirmSignUpAction } from "@/lib/accounts/actions";
import type { ActionResult } from "@/lib/errors";

type Props = { token: string; email: string; hunterName: string };

export function ConfirmSignUpForm({ token, email, hunterName }: Props) {
  const router = useRouter();
  const { errors, failure, pending, onSubmit } = useFormAction(
    async (previous: ActionResult<{ email: string } | null> | null, form: FormData) => {
      const result = await confirmSignUpAction(previous, form);
      if (!result.ok || !result.data) return result;
      const signedIn = await signIn("credentials", {
        email: result.data.email,
        password: String(form.get("password")),
        redirect: false,
      });
      if (!signedIn?.ok)
        return { ok: false as const, error: "Your account exists, but signing in failed. Please sign in." };
      // A new Hunter chooses a job first, as after an immediate sign-up.
      router.replace("/awakening");
      return result;
    },
  );
  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit}>
      <p className="text-center text-sm text-slate-300">
        [SYSTEM] Email confirmed: <span className="text-system">{email}</span>. Enter the password you chose to awaken{" "}
        <span className="text-system">{hunterName}</span>.
      </p>
      <input type="hidden" name="token" value={token} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password ?? errors.token}
      />
      <SystemStatus message={failure ? { text: failure, error: true } : null} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Awakening…" : "Awaken"}
      </Button>
    </form>
  );
}
