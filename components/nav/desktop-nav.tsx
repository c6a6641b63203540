import { NavLink } from "@/components/nav/nav-link";

export const DESKTOP_NAV = [
  { href: "/dashboard", label: "Status" },
  { href: "/quests", label: "Quests" },
  { href: "/quests/new", label: "New quest" },
  { href: "/history", label: "History" },
  { href: "/report", label: "Report" },
  { href: "/stats", label: "Stats" },
  { href: "/shop", label: "Shop" },
  { href: "/achievements", label: "Achievements" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/settings", label: "Settings" },
] as const;

const HREFS = DESKTOP_NAV.map((item) => item.href);

/** The wide screen's navigation: every destination in the header row. */
export function DesktopNav() {
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {DESKTOP_NAV.map((item) => (
          <li key={item.href}>
            <NavLink
              href={item.href}
              siblings={HREFS}
              className="flex min-h-11 items-center border-b-2 border-transparent px-2 text-slate-300 hover:text-system aria-[current=page]:border-system aria-[current=page]:text-system"
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
