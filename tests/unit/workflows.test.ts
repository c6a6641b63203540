// The GitHub workflows do what the README promises (actionlint itself runs in the CI workflow): tests on the
// supported Node lines, the security gates, the image scanned before it is pushed from main only, and the
// infrastructure validated. And package.json's engines say what the dependencies really need.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root } from "@/tests/support/dockerfile";

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: { node: number[] } }; if?: string }>;
};
const workflow = (name: string) => parse(readFileSync(path.join(root, ".github/workflows", name), "utf8")) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) =>
  steps(w)
    .map((s) => s.run ?? "")
    .join("\n");

describe(".github/workflows", () => {
  it("ci: tests on Node 22 and 24, lints the workflows, runs the drill and the standalone smoke test", () => {
    const ci = workflow("ci.yml");
    expect(ci.jobs.ci?.strategy?.matrix.node).toEqual([22, 24]);
    expect(runs(ci)).toMatch(/rhysd\/actionlint:\d+\.\d+\.\d+/);
    for (const script of ["lint", "typecheck", "test", "build", "backup:drill", "test:e2e", "test:standalone"]) {
      expect(runs(ci)).toContain(script === "test" ? "npm test" : `npm run ${script}`);
    }
  });

  it("security: CodeQL, the production npm audit gate, dependency review on pull requests", () => {
    const security = workflow("security.yml");
    expect(steps(security).map((s) => s.uses)).toEqual(
      expect.arrayContaining(["github/codeql-action/init@v3", "github/codeql-action/analyze@v3"]),
    );
    expect(runs(security)).toContain("npm audit --omit=dev --audit-level=high");
    expect(security.jobs["dependency-review"]?.if).toBe("github.event_name == 'pull_request'");
  });

  it("image: built, scanned by Trivy before anything is pushed, pushed to GHCR from main only", () => {
    const image = workflow("image.yml");
    const build = image.jobs.image!.steps;
    const scans = build.flatMap((s, i) => (s.uses?.startsWith("aquasecurity/trivy-action@") ? [i] : []));
    const pushes = build.flatMap((s, i) => (s.run?.includes("docker push") ? [i] : []));
    expect(scans).toHaveLength(2);
    expect(pushes).toHaveLength(1);
    expect(Math.max(...scans)).toBeLessThan(pushes[0]!);
    for (const s of scans) expect(build[s]!.with).toMatchObject({ "exit-code": "1" });
    expect(build[pushes[0]!]!.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
  });

  it("infra: terraform validate and a strict schema check of the rendered Kubernetes manifests", () => {
    const infra = runs(workflow("infra.yml"));
    expect(infra).toContain("terraform init -backend=false");
    expect(infra).toContain("terraform validate");
    expect(infra).toMatch(/kubectl kustomize deploy\/k8s\/overlays\/production \| kubeconform -strict/);
  });
});

describe("package.json engines", () => {
  const engines = (file: string) =>
    (JSON.parse(readFileSync(path.join(root, file), "utf8")) as { engines?: { node?: string } }).engines?.node;

  it("claims exactly the Node versions Prisma supports, the narrowest of the runtime dependencies", () => {
    expect(engines("package.json")).toBe(engines("node_modules/prisma/package.json"));
  });
});
