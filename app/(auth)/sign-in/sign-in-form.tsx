"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RATE_LIMITED_SIGN_IN } from "@/lib/accounts/schemas";

type Props = { callbackUrl: string; providers: { id: string; name: string }[]; initialError?: string };

export function SignInForm({ callbackUrl, providers, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex flex-col gap-6">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const email = String(form.get("email") ?? "").trim();
          const password = String(form.get("password") ?? "");
          if (!email || !password) {
            setError("Enter your email and password");
            return;
          }
          startTransition(async () => {
            const result = await signIn("credentials", { email, password, redirect: false });
            if (result?.ok) {
              router.replace(callbackUrl);
              router.refresh();
            } else if (result?.error === RATE_LIMITED_SIGN_IN) {
              setError("Too many sign-in attempts. Wait a minute and try again.");
            } else {
              setError("Email or password is incorrect");
            }
          });
        }}
      >
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="text-sm text-[#ff6680]">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="flex flex-col gap-2">
          {providers.map((provider) => (
            <Button key={provider.id} type="button" onClick={() => signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      )}
      <p className="text-center text-sm">
        <Link
          href="/forgot-password"
          className="inline-flex min-h-11 items-center text-system underline underline-offset-4"
        >
          Forgot your password?
        </Link>
      </p>
      <p className="text-center text-sm">
        New here?{" "}
        <Link href="/sign-up" className="inline-flex min-h-11 items-center text-system underline underline-offset-4">
          Become a Hunter
        </Link>
      </p>
    </div>
  );
}
