import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { EndSession } from "./end-session";

export const metadata: Metadata = { title: "Signed out" };

/** A session ended by "sign out everywhere" lands here: its cookie is cleared and the Hunter goes to sign-in. */
export default function SessionEndedPage() {
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Session ended">
        <EndSession />
      </Panel>
    </main>
  );
}
