"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { updatePlayerAction } from "@/lib/player/actions";

export function OptOutButton({ optedOut }: { optedOut: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-center gap-2">
      <Button
        type="button"
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await updatePlayerAction({ leaderboardOptOut: !optedOut });
            setError(result.ok ? null : result.error);
          })
        }
      >
        {optedOut ? "Show me on the leaderboards" : "Hide me from the leaderboards"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-[#ff6680]">
          {error}
        </p>
      )}
    </div>
  );
}
