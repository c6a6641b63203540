"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";

/**
 * What a page shows when rendering it failed (most often: the database is out of reach). Never the error itself:
 * its message stays in the server log, under the digest shown here.
 */
export function SystemError({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-6">
      <Panel title="System error">
        <div className="flex flex-col gap-4 text-center">
          <p role="alert">[SYSTEM] The System cannot reach its records right now. Your progress is safe.</p>
          <p className="text-sm text-mist">Try again in a moment.{digest && ` Reference: ${digest}`}</p>
          <Button type="button" onClick={retry}>
            Try again
          </Button>
          <Link href="/dashboard" className="flex min-h-11 items-center justify-center text-system underline">
            Back to status
          </Link>
        </div>
      </Panel>
    </main>
  );
}
