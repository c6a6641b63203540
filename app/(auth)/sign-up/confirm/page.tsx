import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SystemStatus } from "@/components/ui/system-status";
import { pendingSignUpOf } from "@/lib/accounts/sign-up";
import { ConfirmSignUpForm } from "./confirm-sign-up-form";

// The link's token is in the address: no Referer carries it to another site.
export const metadata: Metadata = { title: "Finish signing up", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The page a sign-up link opens. Opening it changes nothing (mail scanners open links too): the Hunter types the
 * password chosen at sign-up, which creates the account and signs in.
 */
export default async function ConfirmSignUpPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  const pending = await pendingSignUpOf(link, new Date());
  return (
    <Panel title="Finish signing up">
      {pending ? (
        <ConfirmSignUpForm token={link} email={pending.email} hunterName={pending.hunterName} />
      ) : (
        <div className="flex flex-col gap-4 text-center">
          <SystemStatus
            message={{
              text: "[SYSTEM] This sign-up link has expired or was already used. Sign up again to get a new one.",
              error: true,
            }}
          />
          <Link href="/sign-up" className="inline-flex min-h-11 items-center justify-center text-system underline">
            Sign up
          </Link>
          <Link href="/sign-in" className="inline-flex min-h-11 items-center justify-center text-system underline">
            Sign in
          </Link>
        </div>
      )}
    </Panel>
  );
}
