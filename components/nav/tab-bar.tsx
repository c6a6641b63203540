import { NavLink } from "@/components/nav/nav-link";

const ICON = "h-6 w-6";

/** Simple line glyphs: the label under each says what it is. */
const GLYPHS = {
  status: (
    <svg viewBox="0 0 24 24" aria-hidden className={ICON} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M4 20V10M10 20V4M16 20v-8M22 20H2" />
    </svg>
  ),
  quests: (
    <svg viewBox="0 0 24 24" aria-hidden className={ICON} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />
    </svg>
  ),
  history: (
    <svg viewBox="0 0 24 24" aria-hidden className={ICON} fill="none" stroke="currentColor" strokeWidth="1.8">
      <rect x="3" y="5" width="18" height="16" rx="1" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  ),
  more: (
    <svg viewBox="0 0 24 24" aria-hidden className={ICON} fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth="3" strokeLinecap="round" />
    </svg>
  ),
};

export const TABS = [
  { href: "/dashboard", label: "Status", glyph: GLYPHS.status },
  { href: "/quests", label: "Quests", glyph: GLYPHS.quests },
  { href: "/quests/new", label: "New quest", glyph: null },
  { href: "/history", label: "History", glyph: GLYPHS.history },
  { href: "/more", label: "More", glyph: GLYPHS.more },
] as const;

const HREFS = TABS.map((tab) => tab.href);

/** The phone's navigation: a bar at the bottom, within the thumb's reach, with a raised "+" for a new quest. */
export function TabBar() {
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-system/30 bg-void/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="mx-auto grid max-w-md grid-cols-5">
        {TABS.map((tab) =>
          tab.glyph ? (
            <li key={tab.href}>
              <NavLink
                href={tab.href}
                siblings={HREFS}
                className="flex min-h-14 flex-col items-center justify-center gap-0.5 text-[11px] text-slate-400 aria-[current=page]:text-system"
              >
                {tab.glyph}
                {tab.label}
              </NavLink>
            </li>
          ) : (
            <li key={tab.href} className="flex items-center justify-center">
              <NavLink
                href={tab.href}
                siblings={HREFS}
                label={tab.label}
                className="-mt-5 flex h-14 w-14 items-center justify-center rounded-full border-2 border-system bg-panel text-3xl leading-none text-system shadow-[0_0_18px_rgba(0,217,255,0.35)] aria-[current=page]:bg-system aria-[current=page]:text-void"
              >
                <span aria-hidden>+</span>
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
