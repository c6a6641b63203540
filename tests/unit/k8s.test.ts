// deploy/k8s: every manifest validated against the Kubernetes schemas (kubernetes-models), then the project's own
// rules: probes on /api/health, resources, non-root and read-only containers, wiring between the objects, the
// migration Job and the tick CronJob, and secrets only by reference.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1/Deployment";
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob, type ICronJob } from "kubernetes-models/batch/v1/CronJob";
import { Job, type IJob } from "kubernetes-models/batch/v1/Job";
import { Ingress, type IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget, type IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap, type IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { Secret, type ISecret } from "kubernetes-models/v1/Secret";
import { Service, type IService } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { root } from "@/tests/support/dockerfile";
import { isSecretName, knownVariables, requiredInProduction } from "@/tests/support/env-contract";

const k8s = path.join(root, "deploy/k8s");
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/CronJob": CronJob,
  "batch/v1/Job": Job,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
};

type Manifest = { file: string; doc: { apiVersion: string; kind: string; metadata: { name: string } } };
type Kustomization = { resources?: string[]; patches?: { path: string }[]; images?: { name: string }[] };

const files = readdirSync(k8s, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(k8s, file), "utf8")).map((d) => ({
    file,
    doc: d.toJS() as Manifest["doc"],
  })),
);
const isKustomization = (m: Manifest) => m.doc.kind === "Kustomization";
const base = manifests.filter((m) => m.file.startsWith("base/") && !isKustomization(m));

function one<T>(kind: string, file?: string): T {
  const found = base.filter((m) => m.doc.kind === kind && (!file || m.file === file));
  expect(found, kind).toHaveLength(1);
  return found[0]!.doc as T;
}
const deployment = one<IDeployment>("Deployment");
const job = one<IJob>("Job");
const cronJob = one<ICronJob>("CronJob");
const service = one<IService>("Service");
const podSpecs: [string, IPodSpec][] = [
  ["Deployment", deployment.spec!.template.spec!],
  ["Job", job.spec!.template.spec!],
  ["CronJob", cronJob.spec!.jobTemplate.spec!.template.spec!],
];
const webContainer = deployment.spec!.template.spec!.containers[0]!;

describe("deploy/k8s manifests", () => {
  it.each(manifests.filter((m) => !isKustomization(m)).map((m) => [`${m.file} ${m.doc.kind}`, m] as const))(
    "%s is valid against the Kubernetes schema",
    (_, { doc }) => {
      const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
      expect(Model, `no model for ${doc.apiVersion} ${doc.kind}`).toBeDefined();
      expect(() => new Model!(doc as never).validate()).not.toThrow();
    },
  );

  it("kustomizations list files that exist; the base lists every manifest but the Secret example", () => {
    for (const { file, doc } of manifests.filter(isKustomization)) {
      const { resources = [], patches = [] } = doc as unknown as Kustomization;
      for (const entry of [...resources, ...patches.map((p) => p.path)]) {
        const target = path.join(path.dirname(file), entry);
        expect(files.includes(target) || files.some((f) => f.startsWith(`${target}/`)), `${file}: ${entry}`).toBe(true);
      }
    }
    const listed = (manifests.find((m) => m.file === "base/kustomization.yaml")!.doc as unknown as Kustomization)
      .resources!;
    expect(base.map((m) => path.basename(m.file)).filter((f) => !listed.includes(f))).toEqual(["secret.example.yaml"]);
  });

  it("probes the web pods on /api/health at their http port", () => {
    expect(webContainer.ports).toContainEqual({ name: "http", containerPort: 3000 });
    for (const probe of [webContainer.readinessProbe, webContainer.livenessProbe, webContainer.startupProbe]) {
      expect(probe?.httpGet).toEqual({ path: "/api/health", port: "http" });
    }
    // Liveness gives up later than readiness, so a database blip drains pods rather than restarting them all.
    const budget = (p: typeof webContainer.livenessProbe) => (p!.periodSeconds ?? 10) * (p!.failureThreshold ?? 3);
    expect(budget(webContainer.livenessProbe)).toBeGreaterThan(budget(webContainer.readinessProbe));
  });

  it.each(podSpecs)("%s runs as non-root, read-only, with CPU and memory requests and limits", (_, pod) => {
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).not.toBe(0);
    expect(pod.automountServiceAccountToken).toBe(false);
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      });
      for (const kind of ["requests", "limits"] as const) {
        expect(Object.keys(container.resources?.[kind] ?? {}).sort(), `${container.name} ${kind}`).toEqual([
          "cpu",
          "memory",
        ]);
      }
    }
  });

  it("gives the read-only web pods writable emptyDirs for /tmp and the Next.js cache", () => {
    const pod = deployment.spec!.template.spec!;
    const mounts = Object.fromEntries((webContainer.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
    for (const mountPath of ["/tmp", "/app/.next/cache"]) {
      const volume = pod.volumes?.find((v) => v.name === mounts[mountPath]);
      expect(volume?.emptyDir, mountPath).toBeDefined();
    }
  });

  it("wires Service → pods, Ingress → Service, HPA → Deployment, PDB → pods", () => {
    const podLabels = deployment.spec!.template.metadata!.labels!;
    expect(deployment.spec!.selector.matchLabels).toEqual(podLabels);
    expect(service.spec!.selector).toEqual(podLabels);
    expect(service.spec!.ports![0]!.targetPort).toBe("http");
    const ingress = one<IIngress>("Ingress");
    for (const rule of ingress.spec!.rules!) {
      for (const { backend } of rule.http!.paths) {
        expect(backend.service).toEqual({
          name: service.metadata!.name,
          port: { name: service.spec!.ports![0]!.name },
        });
      }
    }
    const hpa = one<IHorizontalPodAutoscaler>("HorizontalPodAutoscaler");
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "the-system" });
    const pdb = one<IPodDisruptionBudget>("PodDisruptionBudget");
    expect(pdb.spec!.selector!.matchLabels).toEqual(podLabels);
    // A node drain can always evict one pod: the HPA keeps more replicas than the PDB needs available.
    expect(hpa.spec!.minReplicas).toBeGreaterThan(Number(pdb.spec!.minAvailable));
  });

  it("migrates with a one-off Job from the migrate image, not in the web pods", () => {
    expect(job.spec!.template.spec!.containers.map((c) => c.image)).toEqual(["the-system-migrate"]);
    expect(job.spec!.template.spec!.restartPolicy).toBe("Never");
    expect(job.spec!.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expect(deployment.spec!.template.spec!.initContainers).toBeUndefined();
    expect(JSON.stringify(webContainer)).not.toMatch(/migrate/);
  });

  it("ticks /api/cron/tick through the Service every few minutes with CRON_SECRET from the Secret", () => {
    const [tick] = cronJob.spec!.jobTemplate.spec!.template.spec!.containers as [IContainer];
    expect(tick.command?.join(" ")).toContain(`http://${service.metadata!.name}/api/cron/tick`);
    expect(tick.env).toContainEqual({
      name: "CRON_SECRET",
      valueFrom: { secretKeyRef: { name: "the-system", key: "CRON_SECRET" } },
    });
    expect(cronJob.spec!.concurrencyPolicy).toBe("Forbid");
  });

  it("ships examples only: the Secret's values are empty, the ConfigMap holds nothing secret", () => {
    const secret = one<ISecret>("Secret", "base/secret.example.yaml");
    expect(Object.values(secret.stringData ?? {}).every((value) => value === "")).toBe(true);
    expect(secret.data).toBeUndefined();
    for (const { doc } of manifests.filter((m) => m.doc.kind === "ConfigMap")) {
      expect(Object.keys((doc as IConfigMap).data ?? {}).filter(isSecretName)).toEqual([]);
    }
  });

  it("provides every variable lib/env.ts requires in production, and only variables it knows", () => {
    const provided = [
      ...Object.keys(one<IConfigMap>("ConfigMap").data ?? {}),
      ...Object.keys(one<ISecret>("Secret", "base/secret.example.yaml").stringData ?? {}),
    ];
    expect(webContainer.envFrom).toEqual([
      { configMapRef: { name: "the-system" } },
      { secretRef: { name: "the-system" } },
    ]);
    expect(provided).toEqual(expect.arrayContaining(requiredInProduction()));
    expect(provided.filter((name) => !knownVariables.includes(name))).toEqual([]);
  });

  it("passes secrets by reference only: no secret-named env var has a literal value", () => {
    for (const [kind, pod] of podSpecs) {
      for (const entry of pod.containers.flatMap((c) => c.env ?? [])) {
        if (isSecretName(entry.name)) expect(entry.valueFrom?.secretKeyRef, `${kind} ${entry.name}`).toBeDefined();
      }
    }
  });

  it("names every image the kustomization rewrites, and nothing else", () => {
    const images = (manifests.find((m) => m.file === "base/kustomization.yaml")!.doc as unknown as Kustomization)
      .images!.map((i) => i.name)
      .sort();
    const used = [...new Set(podSpecs.flatMap(([, pod]) => pod.containers.map((c) => c.image!)))].sort();
    expect(used).toEqual(images);
  });
});
