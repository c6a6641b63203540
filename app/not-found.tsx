import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Not found" };

/** Any unknown page, or a quest that is not yours: the System's own 404 with a way back. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-6">
      <Panel title="Gate not found">
        <div className="flex flex-col items-center gap-4 text-center">
          <p className="font-display text-5xl font-bold text-system">404</p>
          <p role="alert">[SYSTEM] This gate does not exist, or it is not yours to enter.</p>
          <Link
            href="/dashboard"
            className="font-display flex min-h-11 items-center border border-system px-5 font-bold tracking-wider text-system uppercase"
          >
            Back to status
          </Link>
        </div>
      </Panel>
    </main>
  );
}
