import { weekday } from "@/lib/time/rules";

type Day = { day: string; completions: number };

const CELL = 10;
const GAP = 2;

/** A year of completions as a GitHub-style calendar (weeks as columns, Monday on top), with a text summary. */
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
  const width = weeks * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  const active = days.filter((d) => d.completions > 0).length;
  const summary =
    unit === "check-in"
      ? `${total} check-in${total === 1 ? "" : "s"} on ${active} day${active === 1 ? "" : "s"} in the last 12 months`
      : `${total} ${unit}${total === 1 ? "" : "s"} in the last 12 months`;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby="heatmap-title heatmap-desc"
      >
        <title id="heatmap-title">{label}</title>
        <desc id="heatmap-desc">{summary}</desc>
        {days.map((d, i) => {
          const slot = first + i;
          const level = d.completions === 0 ? 0 : 0.25 + 0.75 * (d.completions / max);
          return (
            <rect
              key={d.day}
              x={Math.floor(slot / 7) * (CELL + GAP)}
              y={(slot % 7) * (CELL + GAP)}
              width={CELL}
              height={CELL}
              fill={d.completions === 0 ? "#0f1d3a" : `rgba(0, 217, 255, ${level.toFixed(2)})`}
            >
              <title>{`${d.day}: ${d.completions}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="text-sm text-mist" data-testid="heatmap-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
