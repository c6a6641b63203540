"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { IntentLink } from "@/components/nav/intent-link";

/** Which navigation entry a path belongs to: the longest matching prefix wins ("/quests/new" is New, not Quests). */
export function currentEntry(pathname: string, hrefs: readonly string[]): string | null {
  const matches = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * A navigation link that marks itself as the current page (aria-current) when the path is its own, and prefetches
 * its page when the Hunter reaches for it (IntentLink).
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
  const current = currentEntry(pathname, siblings) === href;
  return (
    <IntentLink href={href} aria-current={current ? "page" : undefined} aria-label={label} className={className}>
      {children}
    </IntentLink>
  );
}
