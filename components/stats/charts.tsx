"use client";
/**
 * The statistics charts, drawn with visx (SVG primitives for React): each a figure with a title and a summary the
 * SVG is labelled by, both axes titled (what runs along, in what unit), and the numbers themselves in a table as its
 * text alternative. Drawn at the width they are given, so labels keep one size from a phone to a desktop column.
 * Loaded on the statistics screens only.
 */
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line, LinePath } from "@visx/shape";
import { useEffect, useId, useRef, useState } from "react";

export type Point = { label: string; value: number };
export type Series = { name: string; points: Point[]; color: string };

/** The width drawn before the figure has been measured (the server's render). */
const FIRST_WIDTH = 480;
const H = 240;
// Pixels: the SVG is drawn at its real width, so 12 is 12 on every screen.
const FONT = 12;
const M = { top: 14, right: 16, bottom: 54, left: 64 };
const AXIS = { stroke: "#64748b", tickStroke: "#64748b" };
const tickLabel = () => ({ fill: "#cbd5e1", fontSize: FONT, textAnchor: "middle" as const });
const leftLabel = () => ({ fill: "#cbd5e1", fontSize: FONT, textAnchor: "end" as const, dx: -4, dy: 4 });
const axisTitle = { fill: "#94a3b8", fontSize: FONT, textAnchor: "middle" as const };

/** What runs along the bottom: its title, and whether its labels are days ("2040-03-05") or months ("2040-03"). */
export type XAxis = { title: string; dates?: "day" | "month" };

const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 5" for a day, "Mar 2040" for a month: dates no one reads day-first by mistake. */
const tickText = (x: XAxis) => (label: string) =>
  x.dates === "day"
    ? dayFormat.format(new Date(`${label}T00:00:00Z`))
    : x.dates === "month"
      ? monthFormat.format(new Date(`${label}-01T00:00:00Z`))
      : label;

/** The figure's width in CSS pixels, followed as it changes (rotation, a resized window). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FIRST_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function Frame(props: {
  title: string;
  summary: string;
  columns: string[];
  rows: (string | number)[][];
  children: (ids: { title: string; desc: string }, width: number) => React.ReactNode;
}) {
  const id = useId();
  const ids = { title: `${id}-title`, desc: `${id}-desc` };
  const [ref, width] = useWidth();
  return (
    <figure className="flex flex-col gap-2">
      <figcaption id={ids.title} className="font-display text-sm font-bold tracking-widest text-slate-300 uppercase">
        {props.title}
      </figcaption>
      <div ref={ref}>{props.children(ids, width)}</div>
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

/** Every n-th label on a crowded axis: as many as fit side by side (a character is at most ~7 px at 12 px). */
const thin = (labels: string[], width: number, text: (label: string) => string) => {
  const room = Math.max(...labels.map((l) => text(l).length)) * 7 + 16;
  const step = Math.ceil(labels.length / Math.max(2, Math.floor(width / room)));
  return labels.filter((_, i) => i % step === 0);
};

/** Both axes' titles: the unit up the left, what runs along the bottom below it. */
const yTitle = (unit: string) => ({ label: unit, labelOffset: 40, labelProps: axisTitle });
const xTitle = (x: XAxis) => ({ label: x.title, labelOffset: 20, labelProps: axisTitle });

export function BarChart(props: { title: string; summary: string; points: Point[]; unit: string; x: XAxis }) {
  const { points } = props;
  return (
    <Frame
      title={props.title}
      summary={props.summary}
      columns={[props.x.title, props.unit]}
      rows={points.map((p) => [p.label, p.value.toLocaleString("en")])}
    >
      {(ids, width) => {
        const inner = width - M.left - M.right;
        const x = scaleBand({ domain: points.map((p) => p.label), range: [0, inner], padding: 0.2 });
        const max = Math.max(1, ...points.map((p) => p.value));
        const y = scaleLinear({ domain: [0, max], range: [H - M.top - M.bottom, 0], nice: true });
        return (
          <svg
            viewBox={`0 0 ${width} ${H}`}
            width="100%"
            height={H}
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
                {...yTitle(props.unit)}
              />
              <AxisBottom
                top={H - M.top - M.bottom}
                scale={x}
                tickValues={thin(
                  points.map((p) => p.label),
                  inner,
                  tickText(props.x),
                )}
                tickFormat={tickText(props.x)}
                {...AXIS}
                tickLabelProps={tickLabel}
                {...xTitle(props.x)}
              />
            </Group>
          </svg>
        );
      }}
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
  x: XAxis;
}) {
  const { series, percent, target } = props;
  const labels = series[0]?.points.map((p) => p.label) ?? [];
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const max = percent ? 1 : Math.max(1, target ?? 0, ...values);
  const y = scaleLinear({ domain: [0, max], range: [H - M.top - M.bottom, 0], nice: !percent });
  const format = (v: number) => (percent ? `${Math.round(v * 100)}%` : v.toLocaleString("en"));
  return (
    <Frame
      title={props.title}
      summary={props.summary}
      columns={[props.x.title, ...series.map((s) => s.name)]}
      rows={labels.map((label, i) => [label, ...series.map((s) => format(s.points[i]?.value ?? 0))])}
    >
      {(ids, width) => {
        const inner = width - M.left - M.right;
        const x = scaleBand({ domain: labels, range: [0, inner], padding: 0 });
        const at = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;
        return (
          <>
            <svg
              viewBox={`0 0 ${width} ${H}`}
              width="100%"
              height={H}
              role="img"
              aria-labelledby={`${ids.title} ${ids.desc}`}
            >
              <Group left={M.left} top={M.top}>
                {target !== undefined && (
                  <Line
                    from={{ x: 0, y: y(target) }}
                    to={{ x: inner, y: y(target) }}
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
                  {...yTitle(props.unit)}
                />
                <AxisBottom
                  top={H - M.top - M.bottom}
                  scale={x}
                  tickValues={thin(labels, inner, tickText(props.x))}
                  tickFormat={tickText(props.x)}
                  {...AXIS}
                  tickLabelProps={tickLabel}
                  {...xTitle(props.x)}
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
        );
      }}
    </Frame>
  );
}
