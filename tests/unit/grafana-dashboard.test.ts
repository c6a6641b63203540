// deploy/grafana/the-system.json draws only series the app exports: a renamed metric breaks this test, not the
// dashboard in production.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/metrics/registry";
import { root } from "@/tests/support/dockerfile";
import { APP_SERIES } from "@/tests/support/metrics";

type Dashboard = { panels: { title: string; targets: { expr: string }[] }[] };
const dashboard = JSON.parse(readFileSync(path.join(root, "deploy/grafana/the-system.json"), "utf8")) as Dashboard;

describe("Grafana dashboard", () => {
  const exported = new Set(
    metrics()
      .registry.getMetricsAsArray()
      .map((m) => m.name),
  );
  // A histogram is queried through its _bucket, _sum and _count series.
  const base = (series: string) => series.replace(/_(bucket|sum|count)$/, "");

  it.each(dashboard.panels.map((p) => [p.title, p] as const))("%s queries exported series only", (_, panel) => {
    expect(panel.targets.length).toBeGreaterThan(0);
    for (const { expr } of panel.targets) {
      const series = [...expr.matchAll(/([a-z_][a-z0-9_]*)\{/g)].map((m) => m[1]!);
      expect(series.length, expr).toBeGreaterThan(0);
      for (const name of series) expect(exported.has(name) || exported.has(base(name)), name).toBe(true);
    }
  });

  it("has a panel for each of the app's own series", () => {
    const queried = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join("\n");
    for (const name of APP_SERIES) {
      expect(queried).toContain(name);
    }
  });
});
