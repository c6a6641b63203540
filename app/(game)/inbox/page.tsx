import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { readInbox } from "@/lib/notifications/inbox";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const { playerId } = await requirePlayer("/inbox");
  const inbox = await readInbox(playerId);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Inbox">
        <InboxList inbox={inbox} />
      </Panel>
    </main>
  );
}
