type Point = { day: string; strength: number };

const W = 300;
const H = 100;

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

export function StrengthLine({ series }: { series: Point[] }) {
  const summary = strengthSummary(series);
  const step = series.length > 1 ? W / (series.length - 1) : 0;
  const points = series.map((p, i) => `${(i * step).toFixed(1)},${(H - p.strength * H).toFixed(1)}`).join(" ");
  return (
    <figure className="flex flex-col gap-2">
      {series.length > 1 && (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-labelledby="strength-title strength-desc"
        >
          <title id="strength-title">Habit strength over time</title>
          <desc id="strength-desc">{summary}</desc>
          {[0.25, 0.5, 0.75].map((y) => (
            <line key={y} x1={0} x2={W} y1={H - y * H} y2={H - y * H} stroke="#1e3a5f" strokeWidth={0.5} />
          ))}
          <polyline points={points} fill="none" stroke="#00d9ff" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      <figcaption className="text-sm text-mist" data-testid="strength-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
