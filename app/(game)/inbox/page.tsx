import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { readInbox } from "@/lib/notifications/inbox";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const viewer = await requirePlayer("/inbox");
  const [inbox, { timeZone }] = await Promise.all([readInbox(viewer.playerId), cachedPlayerStatus(viewer)]);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Inbox">
        <InboxList inbox={inbox} timeZone={timeZone} />
      </Panel>
    </main>
  );
}
