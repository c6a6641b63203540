"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useForm } from "@/components/ui/use-form";
import { signOutTo } from "@/lib/auth/sign-out";
import { signOutEverywhereAction } from "@/lib/player/actions";

export function SignOutEverywhere({ tokenCount }: { tokenCount: number }) {
  const [revokeTokens, setRevokeTokens] = useState(false);
  const form = useForm();

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
      <Button
        type="button"
        disabled={form.pending}
        onClick={() =>
          form.run(
            () => signOutEverywhereAction({ revokeTokens }),
            () => signOutTo("/sign-in"),
          )
        }
      >
        {form.pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <SystemStatus message={form.message} />
    </div>
  );
}
