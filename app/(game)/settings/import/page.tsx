import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { ImportFlow } from "./import-client";

export const metadata: Metadata = { title: "Bring your history" };

export default async function ImportPage() {
  await requirePlayer("/settings/import");
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Bring your history">
        <ImportFlow />
      </Panel>
      <Link href="/settings" className="flex min-h-11 items-center text-system underline underline-offset-4">
        Back to settings
      </Link>
    </main>
  );
}
