"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";

/** Which navigation entry a path belongs to: the longest matching prefix wins ("/quests/new" is New, not Quests). */
export function currentEntry(pathname: string, hrefs: readonly string[]): string | null {
  const matches = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * A navigation link that marks itself as the current page (aria-current) when the path is its own. It prefetches its
 * page when the Hunter reaches for it (pointer over or down, focus), not when it scrolls into view: every page of the
 * tab bar and the desktop menu prefetched on load cost the dashboard's first seconds 0.5 s of blocked main thread
 * under Lighthouse's phone throttling (npm run audit:web), the time the Hunter opens the app to tap a quest.
 */
export function NavLink({
  href,
  siblings,
  className,
  children,
  label,
}: {
  href: string;
  /** Every href of the same navigation, so a deeper sibling can win ("/quests/new" over "/quests"). */
  siblings: readonly string[];
  className: string;
  children: ReactNode;
  label?: string;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const current = currentEntry(pathname, siblings) === href;
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={prefetch}
      onPointerDown={prefetch}
      onFocus={prefetch}
      aria-current={current ? "page" : undefined}
      aria-label={label}
      className={className}
    >
      {children}
    </Link>
  );
}
