import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { Panel } from "@/components/ui/panel";
import { requireUserId } from "@/lib/auth/session";
import { getPlayerCard } from "@/lib/player/queries";

export const metadata: Metadata = { title: "Status" };

export default async function DashboardPage() {
  const userId = await requireUserId("/dashboard");
  const player = await getPlayerCard(userId);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Status">
        <p className="text-center text-sm tracking-widest text-slate-400 uppercase">Hunter</p>
        <p className="font-display text-center text-3xl font-bold text-slate-100" data-testid="hunter-name">
          {player?.hunterName ?? "Unnamed Hunter"}
        </p>
        <p className="mt-4 text-center text-mist">Your daily quests will appear here.</p>
      </Panel>
      <div className="flex justify-end">
        <SignOutButton />
      </div>
    </main>
  );
}
