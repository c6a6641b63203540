"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SystemStatus } from "@/components/ui/system-status";
import { useForm } from "@/components/ui/use-form";
import type { TokenSummary } from "@/lib/tokens/schemas";
import { revokeTokenAction } from "@/lib/tokens/actions";

const day = (iso: string | null, none: string) => (iso ? iso.slice(0, 10) : none);

/** The player's personal access tokens, each with a revoke button. */
export function TokenList({ tokens: initial }: { tokens: TokenSummary[] }) {
  const [tokens, setTokens] = useState(initial);
  const form = useForm();

  function revoke(token: TokenSummary) {
    form.run(
      () => revokeTokenAction({ id: token.id }),
      () => {
        setTokens((list) => list.filter((t) => t.id !== token.id));
        return { text: `[SYSTEM] Token “${token.name}” revoked.`, error: false };
      },
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {tokens.length === 0 ? (
        <p className="text-mist">No personal access tokens. Scripts get one from POST /api/v1/tokens.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Personal access tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>{token.name}</strong>
                <span className="block text-sm text-mist">
                  Created {day(token.createdAt, "")} · last used {day(token.lastUsedAt, "never")} · expires{" "}
                  {day(token.expiresAt, "never")}
                </span>
              </span>
              <Button
                type="button"
                disabled={form.pending}
                onClick={() => revoke(token)}
                aria-label={`Revoke ${token.name}`}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SystemStatus message={form.message} />
    </div>
  );
}
