import { weekday } from "@/lib/time/rules";

type Day = { day: string; completions: number };

const CELL = 10;
const GAP = 2;
/** Room for the weekday labels on the left and the month labels on top. */
const LEFT = 22;
const TOP = 12;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAY_LABELS = [
  [0, "Mon"],
  [2, "Wed"],
  [4, "Fri"],
] as const;

/**
 * A year of completions as a GitHub-style calendar (weeks as columns, Monday on top, months and weekdays labelled),
 * with a text summary. On a narrow screen the cells keep a readable size and the calendar scrolls sideways inside
 * its own frame, opened at the most recent weeks.
 */
export function CalendarHeatmap({
  days,
  total,
  label,
  unit = "check-in",
}: {
  days: Day[];
  total: number;
  label: string;
  /** What a counted day holds ("check-in", or "cleared day" on the statistics screen). */
  unit?: string;
}) {
  if (days.length === 0) return null;
  const first = weekday(days[0]!.day) - 1;
  const max = Math.max(1, ...days.map((d) => d.completions));
  const weeks = Math.ceil((first + days.length) / 7);
  // Room on the right for the last month's name.
  const width = LEFT + weeks * (CELL + GAP) + 14;
  const height = TOP + 7 * (CELL + GAP);
  // A month's name above the week its first day falls in.
  const months = days.flatMap((d, i) =>
    d.day.endsWith("-01")
      ? [{ x: LEFT + Math.floor((first + i) / 7) * (CELL + GAP), name: MONTHS[Number(d.day.slice(5, 7)) - 1] }]
      : [],
  );
  const active = days.filter((d) => d.completions > 0).length;
  const summary =
    unit === "check-in"
      ? `${total} check-in${total === 1 ? "" : "s"} on ${active} day${active === 1 ? "" : "s"} in the last 12 months`
      : `${total} ${unit}${total === 1 ? "" : "s"} in the last 12 months`;
  return (
    <figure className="flex flex-col gap-2">
      {/* Right to left: a scrolled frame opens at its end, the latest weeks; the calendar itself reads left to right. */}
      <div className="overflow-x-auto [direction:rtl]" tabIndex={0} aria-label={`${label}, scrollable`} role="group">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full [direction:ltr]"
          style={{ minWidth: `${Math.round(width * 1.2)}px` }}
          role="img"
          aria-labelledby="heatmap-title heatmap-desc"
        >
          <title id="heatmap-title">{label}</title>
          <desc id="heatmap-desc">{summary}</desc>
          <g aria-hidden fill="#94a3b8" fontSize="8">
            {months.map((m) => (
              <text key={m.x} x={m.x} y={TOP - 3}>
                {m.name}
              </text>
            ))}
            {WEEKDAY_LABELS.map(([row, name]) => (
              <text key={name} x={0} y={TOP + row * (CELL + GAP) + CELL - 2}>
                {name}
              </text>
            ))}
          </g>
          {days.map((d, i) => {
            const slot = first + i;
            const level = d.completions === 0 ? 0 : 0.25 + 0.75 * (d.completions / max);
            return (
              <rect
                key={d.day}
                x={LEFT + Math.floor(slot / 7) * (CELL + GAP)}
                y={TOP + (slot % 7) * (CELL + GAP)}
                width={CELL}
                height={CELL}
                fill={d.completions === 0 ? "#0f1d3a" : `rgba(0, 217, 255, ${level.toFixed(2)})`}
              >
                <title>{`${d.day}: ${d.completions}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-mist" data-testid="heatmap-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
