"use client";
import { useCallback, useEffect, useState } from "react";
import { IntentLink } from "@/components/nav/intent-link";
import { INBOX_CHANGED } from "@/lib/notifications/inbox-event";
import { resyncPush } from "@/lib/notifications/push-client";

/**
 * The header's bell: the inbox's unread count, read on start, when the app comes back into view, when a push
 * arrives (the service worker says so) and when the inbox marks items read. On start it also re-syncs this
 * device's push subscription with the server.
 */
export function InboxBell() {
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(async () => {
    const response = await fetch("/api/v1/inbox", { cache: "no-store" }).catch(() => null);
    if (response?.ok) setUnread(((await response.json()) as { unread: number }).unread);
  }, []);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    resyncPush().catch(() => undefined);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    const onWorker = (event: MessageEvent) =>
      (event.data as { type?: string } | null)?.type === INBOX_CHANGED && void refresh();
    const onChanged = () => void refresh();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(INBOX_CHANGED, onChanged);
    navigator.serviceWorker?.addEventListener("message", onWorker);
    return () => {
      clearTimeout(first);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(INBOX_CHANGED, onChanged);
      navigator.serviceWorker?.removeEventListener("message", onWorker);
    };
  }, [refresh]);

  return (
    <IntentLink
      href="/inbox"
      aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}
      className="relative flex min-h-11 min-w-11 items-center justify-center text-slate-300 hover:text-system"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden
          className="absolute top-1 right-0 min-w-5 rounded-full bg-[#c8002a] px-1 text-center text-xs leading-5 font-bold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </IntentLink>
  );
}
