"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link that prefetches its page when the Hunter reaches for it (pointer over or down, focus), never because it
 * scrolled into view. In view, every tab of the tab bar and every quest of the dashboard's list was fetched as the
 * dashboard hydrated (0.5 s of blocked main thread in its first seconds under Lighthouse's phone throttling, npm run
 * audit:web), and again after a check-in: a Server Action leaves the router's prefetched pages stale, so each visible
 * link asked the server for its page once more (a dozen page requests behind one tap).
 */
export function IntentLink({
  href,
  ...props
}: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={prefetch}
      onPointerDown={prefetch}
      onFocus={prefetch}
      {...props}
    />
  );
}
