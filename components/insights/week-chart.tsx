type Day = { day: string; weekday: string; completions: number; due: number; done: number; outcome: string | null };

const W = 280;
const H = 110;
const BAR_AREA = 80;

const OUTCOME_COLOUR: Record<string, string> = {
  CLEARED: "#00d9ff",
  SHIELDED: "#ffd700",
  FAILED: "#ff0033",
  REST: "#64748b",
  NEUTRAL: "#334155",
};

/** "Monday: 3 completed, 2 of 2 dailies": what a screen reader gets for each bar. */
function dayText(d: Day): string {
  const dailies = d.due > 0 ? `, ${d.done} of ${d.due} dailies` : "";
  return `${d.weekday}: ${d.completions} completed${dailies}`;
}

/** The week at a glance: completions per day as bars, coloured by how the day was settled. */
export function WeekChart({ days }: { days: Day[] }) {
  const max = Math.max(1, ...days.map((d) => d.completions));
  const slot = W / 7;
  const summary = days.map(dayText).join("; ");
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-md self-center"
        role="img"
        aria-labelledby="week-title week-desc"
      >
        <title id="week-title">Completions per day this week</title>
        <desc id="week-desc">{summary || "No day of this week has begun yet."}</desc>
        <line x1={0} x2={W} y1={BAR_AREA} y2={BAR_AREA} stroke="#1e3a5f" strokeWidth={1} />
        {Array.from({ length: 7 }, (_, i) => {
          const d = days[i];
          const height = d ? (d.completions / max) * (BAR_AREA - 14) : 0;
          const x = i * slot + slot * 0.2;
          return (
            <g key={i} data-testid={d ? `week-bar-${d.weekday}` : undefined}>
              {d && (
                <>
                  <rect
                    x={x}
                    y={BAR_AREA - height}
                    width={slot * 0.6}
                    height={height}
                    fill={OUTCOME_COLOUR[d.outcome ?? "NEUTRAL"] ?? "#00d9ff"}
                    opacity={d.outcome ? 1 : 0.6}
                  />
                  <text x={x + slot * 0.3} y={BAR_AREA - height - 3} textAnchor="middle" fontSize={9} fill="#cbd5e1">
                    {d.completions}
                  </text>
                </>
              )}
              <text x={x + slot * 0.3} y={BAR_AREA + 12} textAnchor="middle" fontSize={9} fill="#94a3b8">
                {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i]}
              </text>
              {d && d.due > 0 && (
                <text x={x + slot * 0.3} y={BAR_AREA + 24} textAnchor="middle" fontSize={8} fill="#94a3b8">
                  {d.done}/{d.due}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-3 text-xs text-slate-400">
        <span>Bars: quests completed.</span>
        <span>Below: dailies done of due.</span>
        <span className="text-system">■ cleared</span>
        <span className="text-gold">■ shielded</span>
        <span className="text-[#ff6680]">■ failed</span>
      </figcaption>
    </figure>
  );
}
