"use client";
import { useState, useTransition } from "react";
import { allocateStatPointsAction } from "@/lib/player/actions";

/** "+" beside a stat while points are waiting to be spent: one point per tap. */
export function SpendStatPoint({ stat, name }: { stat: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-busy={pending}
        aria-label={`Spend a point on ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await allocateStatPointsAction({ [stat]: 1 });
            setError(result.ok ? null : result.error);
          })
        }
        className="mt-1 min-h-11 w-full border-t border-system/20 text-system disabled:opacity-50"
      >
        +
      </button>
      {error && (
        <span role="alert" className="block text-xs text-[#ff6680]">
          {error}
        </span>
      )}
    </>
  );
}
