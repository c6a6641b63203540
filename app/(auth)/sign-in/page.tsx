import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { enabledOAuthProviders } from "@/lib/auth/options";
import { isSignedIn } from "@/lib/auth/player";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths: a callbackUrl must never send a Hunter to another site. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await isSignedIn()) redirect(callbackUrl as "/dashboard");
  const initialError = params.error ? "Sign-in failed. Please try again." : undefined;
  return (
    <Panel title="Sign in">
      {params.passwordChanged && (
        <p role="status" className="mb-4 text-center text-system">
          [SYSTEM] Password changed. Every session has ended: sign in with the new one.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} initialError={initialError} />
    </Panel>
  );
}
