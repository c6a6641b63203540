"use client";
/**
 * The statistics charts, drawn with visx (SVG primitives for React): each a figure with a title and a summary the
 * SVG is labelled by, and the numbers themselves in a table as its text alternative. Loaded on the statistics
 * screens only.
 */
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line, LinePath } from "@visx/shape";
import { useId } from "react";

export type Point = { label: string; value: number };
export type Series = { name: string; points: Point[]; color: string };

const W = 480;
const H = 220;
// Label sizes are in viewBox units: 14 reads as ~9 px on a phone and ~16 px on a desktop column.
const M = { top: 14, right: 16, bottom: 44, left: 60 };
const AXIS = { stroke: "#64748b", tickStroke: "#64748b" };
const tickLabel = () => ({ fill: "#cbd5e1", fontSize: 14, textAnchor: "middle" as const });
const leftLabel = () => ({ fill: "#cbd5e1", fontSize: 14, textAnchor: "end" as const, dx: -4, dy: 5 });

function Frame(props: {
  title: string;
  summary: string;
  columns: string[];
  rows: (string | number)[][];
  children: (ids: { title: string; desc: string }) => React.ReactNode;
}) {
  const id = useId();
  const ids = { title: `${id}-title`, desc: `${id}-desc` };
  return (
    <figure className="flex flex-col gap-2">
      <figcaption id={ids.title} className="font-display text-sm font-bold tracking-widest text-slate-300 uppercase">
        {props.title}
      </figcaption>
      {props.children(ids)}
      <p id={ids.desc} className="text-sm text-mist" data-testid="chart-summary">
        {props.summary}
      </p>
      <details className="text-sm text-slate-300">
        <summary className="min-h-11 cursor-pointer content-center text-system">Data table</summary>
        <div className="max-h-64 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{props.title}</caption>
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c} scope="col" className="pr-3 font-normal text-slate-400">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="pr-3 font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="pr-3">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Every n-th label on a crowded axis. */
const thin = (labels: string[], most: number) => labels.filter((_, i) => i % Math.ceil(labels.length / most) === 0);

/** Day labels ("2040-03-05") shown as "03-05" on the axis. */
const shortOf = (dayLabels?: boolean) => (label: string) => (dayLabels ? label.slice(5) : label);

export function BarChart(props: {
  title: string;
  summary: string;
  points: Point[];
  unit: string;
  dayLabels?: boolean;
}) {
  const { points } = props;
  const short = shortOf(props.dayLabels);
  const x = scaleBand({ domain: points.map((p) => p.label), range: [0, W - M.left - M.right], padding: 0.2 });
  const max = Math.max(1, ...points.map((p) => p.value));
  const y = scaleLinear({ domain: [0, max], range: [H - M.top - M.bottom, 0], nice: true });
  return (
    <Frame
      title={props.title}
      summary={props.summary}
      columns={["", props.unit]}
      rows={points.map((p) => [p.label, p.value.toLocaleString("en")])}
    >
      {(ids) => (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-labelledby={`${ids.title} ${ids.desc}`}
        >
          <Group left={M.left} top={M.top}>
            {points.map((p) => (
              <Bar
                key={p.label}
                x={x(p.label)}
                y={y(p.value)}
                width={x.bandwidth()}
                height={H - M.top - M.bottom - y(p.value)}
                fill="#00d9ff"
              />
            ))}
            <AxisLeft
              scale={y}
              numTicks={Math.min(4, max)}
              tickFormat={(v) => (Number.isInteger(Number(v)) ? Number(v).toLocaleString("en") : "")}
              {...AXIS}
              tickLabelProps={leftLabel}
            />
            <AxisBottom
              top={H - M.top - M.bottom}
              scale={x}
              tickValues={thin(
                points.map((p) => p.label),
                8,
              )}
              tickFormat={short}
              {...AXIS}
              tickLabelProps={tickLabel}
            />
          </Group>
        </svg>
      )}
    </Frame>
  );
}

export function LineChart(props: {
  title: string;
  summary: string;
  series: Series[];
  unit: string;
  /** 0..1 values shown as percents. */
  percent?: boolean;
  /** A horizontal line, e.g. a numeric quest's target. */
  target?: number;
  dayLabels?: boolean;
}) {
  const { series, percent, target } = props;
  const short = shortOf(props.dayLabels);
  const labels = series[0]?.points.map((p) => p.label) ?? [];
  const x = scaleBand({ domain: labels, range: [0, W - M.left - M.right], padding: 0 });
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const max = percent ? 1 : Math.max(1, target ?? 0, ...values);
  const y = scaleLinear({ domain: [0, max], range: [H - M.top - M.bottom, 0], nice: !percent });
  const at = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;
  const format = (v: number) => (percent ? `${Math.round(v * 100)}%` : v.toLocaleString("en"));
  return (
    <Frame
      title={props.title}
      summary={props.summary}
      columns={["", ...series.map((s) => s.name)]}
      rows={labels.map((label, i) => [label, ...series.map((s) => format(s.points[i]?.value ?? 0))])}
    >
      {(ids) => (
        <>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="h-auto w-full"
            role="img"
            aria-labelledby={`${ids.title} ${ids.desc}`}
          >
            <Group left={M.left} top={M.top}>
              {target !== undefined && (
                <Line
                  from={{ x: 0, y: y(target) }}
                  to={{ x: W - M.left - M.right, y: y(target) }}
                  stroke="#f5c542"
                  strokeDasharray="4 4"
                />
              )}
              {series.map((s) => (
                <LinePath
                  key={s.name}
                  data={s.points}
                  x={(p) => at(p.label)}
                  y={(p) => y(p.value)}
                  stroke={s.color}
                  strokeWidth={2}
                />
              ))}
              <AxisLeft
                scale={y}
                numTicks={4}
                tickFormat={(v) => format(Number(v))}
                {...AXIS}
                tickLabelProps={leftLabel}
              />
              <AxisBottom
                top={H - M.top - M.bottom}
                scale={x}
                tickValues={thin(labels, 5)}
                tickFormat={short}
                {...AXIS}
                tickLabelProps={tickLabel}
              />
            </Group>
          </svg>
          {series.length > 1 && (
            <ul className="flex flex-wrap gap-3 text-xs text-slate-300" aria-hidden>
              {series.map((s) => (
                <li key={s.name} className="flex items-center gap-1">
                  <span className="inline-block h-1 w-4" style={{ background: s.color }} />
                  {s.name}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Frame>
  );
}
