"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** Rolls an import back: DELETE /api/v1/imports/{id}; the System's answer is shown beside the button. */
export function RollBackButton({ id }: { id: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        className="min-h-11 px-2 text-sm text-[#ff6680] underline"
        onClick={() =>
          startTransition(async () => {
            const response = await fetch(`/api/v1/imports/${encodeURIComponent(id)}`, {
              method: "DELETE",
              headers: { "content-type": "application/json" },
            });
            if (!response.ok) {
              const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
              setError(body?.error?.message ?? "The import could not be rolled back.");
              return;
            }
            setError(null);
            router.refresh();
          })
        }
      >
        Roll back
      </button>
      {error && (
        <span role="alert" className="max-w-xs text-xs text-[#ff6680]">
          {error}
        </span>
      )}
    </span>
  );
}
