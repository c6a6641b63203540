"use client";
import Link from "next/link";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markInboxReadAction } from "@/lib/notifications/actions";
import type { Inbox } from "@/lib/notifications/inbox";
import { INBOX_CHANGED } from "@/lib/notifications/inbox-event";
import type { MarkReadInput } from "@/lib/notifications/schemas";
import { formatInstantTime } from "@/lib/time/rules";

/** "Dec 3, 21:45" on the Hunter's clock (their time zone, the 24-hour time the System writes everywhere). */
function when(iso: string, timeZone: string): string {
  const at = new Date(iso);
  return `${at.toLocaleDateString("en", { day: "numeric", month: "short", timeZone })}, ${formatInstantTime(at, timeZone)}`;
}

/** What the System announced: level-ups, Rank Trials, achievements. Unread ones stand out until marked read. */
export function InboxList({ inbox, timeZone }: { inbox: Inbox; timeZone: string }) {
  const [pending, startTransition] = useTransition();

  function markRead(input: MarkReadInput) {
    startTransition(async () => {
      await markInboxReadAction(input);
      // The bell in the header counts again.
      window.dispatchEvent(new Event(INBOX_CHANGED));
    });
  }

  if (inbox.items.length === 0) {
    return (
      <p className="text-center text-slate-400">Nothing yet. Level up, pass a Rank Trial or unlock an achievement.</p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-2">
        {inbox.items.map((item) => (
          <li
            key={item.id}
            className={`border-l-2 py-1 pl-3 ${item.read ? "border-slate-600" : "border-system bg-system/5"}`}
          >
            <Link
              href={item.url}
              onClick={() => !item.read && markRead({ ids: [item.id] })}
              className="flex min-h-11 flex-col justify-center"
            >
              <span className={item.read ? "text-slate-300" : "font-bold text-slate-100"}>
                {item.title}
                {!item.read && <span className="sr-only"> (unread)</span>}
              </span>
              <span className="text-sm text-mist">{item.body}</span>
              <span className="text-xs text-slate-400">{when(item.at, timeZone)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {inbox.unread > 0 && (
        <Button type="button" disabled={pending} onClick={() => markRead({ all: true })}>
          {pending ? "Marking…" : "Mark all read"}
        </Button>
      )}
    </div>
  );
}
