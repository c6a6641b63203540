type Point = { day: string; strength: number };

const W = 320;
const H = 130;
// Room for the percent labels on the left and the first and last day below.
const M = { top: 6, right: 8, bottom: 20, left: 36 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const TICKS = [0, 0.5, 1] as const;

const percent = (strength: number) => `${Math.round(strength * 100)}%`;

/** "Strength 64%, up from 51% a month ago": the words a screen reader gets for the curve. */
export function strengthSummary(series: Point[]): string {
  const last = series.at(-1);
  if (!last) return "No strength yet: it is judged once a day has been settled.";
  const monthAgo = series.at(-31) ?? series[0]!;
  const now = percent(last.strength);
  const before = percent(monthAgo.strength);
  if (monthAgo === last) return `Strength ${now}.`;
  const trend = now === before ? "level with" : last.strength > monthAgo.strength ? "up from" : "down from";
  return `Strength ${now}, ${trend} ${before} ${series.length > 30 ? "a month ago" : `on ${monthAgo.day}`}.`;
}

/** Habit strength day by day: 0–100% up the left, the first and last day along the bottom. */
export function StrengthLine({ series }: { series: Point[] }) {
  const summary = strengthSummary(series);
  const step = series.length > 1 ? PLOT_W / (series.length - 1) : 0;
  const y = (strength: number) => M.top + PLOT_H - strength * PLOT_H;
  const points = series.map((p, i) => `${(M.left + i * step).toFixed(1)},${y(p.strength).toFixed(1)}`).join(" ");
  const first = series[0];
  const last = series.at(-1);
  return (
    <figure className="flex flex-col gap-2">
      {first && last && series.length > 1 && (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full max-w-md self-center"
          role="img"
          aria-labelledby="strength-title strength-desc"
        >
          <title id="strength-title">Habit strength by day, 0 to 100%</title>
          <desc id="strength-desc">{summary}</desc>
          {[0.25, 0.5, 0.75].map((s) => (
            <line key={s} x1={M.left} x2={W - M.right} y1={y(s)} y2={y(s)} stroke="#1e3a5f" strokeWidth={0.5} />
          ))}
          <line x1={M.left} x2={M.left} y1={M.top} y2={y(0)} stroke="#64748b" strokeWidth={1} />
          <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#64748b" strokeWidth={1} />
          {TICKS.map((s) => (
            <text key={s} x={M.left - 4} y={y(s) + 4} textAnchor="end" fontSize={11} fill="#cbd5e1">
              {percent(s)}
            </text>
          ))}
          <text x={M.left} y={H - 4} textAnchor="start" fontSize={11} fill="#cbd5e1">
            {first.day}
          </text>
          <text x={W - M.right} y={H - 4} textAnchor="end" fontSize={11} fill="#cbd5e1">
            {last.day}
          </text>
          <polyline points={points} fill="none" stroke="#00d9ff" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      <figcaption className="text-sm text-mist" data-testid="strength-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
