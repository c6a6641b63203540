// deploy/terraform, checked offline by parsing the HCL (@cdktf/hcl2json): providers pinned, secrets `sensitive`
// and never literal, and the Vercel project given every variable lib/env.ts requires in production — the drift
// that really breaks deploys. (`terraform validate` itself runs in the GitHub workflow.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "@/tests/support/dockerfile";
import { isSecretName, knownVariables, requiredInProduction } from "@/tests/support/env-contract";

const dir = path.join(root, "deploy/terraform");
type Block = Record<string, unknown>;
type Config = {
  terraform?: {
    required_version?: string;
    required_providers?: Record<string, { source: string; version: string }>[];
  }[];
  provider?: Record<string, Block[]>;
  variable?: Record<string, { sensitive?: boolean; default?: unknown }[]>;
  resource?: Record<string, Record<string, Block[]>>;
};

let config: Config = {};
const tfFiles = readdirSync(dir).filter((f) => f.endsWith(".tf"));

beforeAll(async () => {
  // Terraform reads a directory as one module: merge the files' blocks (lists append, maps merge per type).
  const merged: Record<string, unknown> = {};
  for (const file of tfFiles) {
    const parsed = (await parse(file, readFileSync(path.join(dir, file), "utf8"))) as Record<string, unknown>;
    for (const [kind, value] of Object.entries(parsed)) {
      const current = merged[kind];
      if (Array.isArray(value)) merged[kind] = [...((current as unknown[] | undefined) ?? []), ...value];
      else if (kind !== "resource") merged[kind] = { ...(current as object | undefined), ...(value as object) };
      else {
        // resource → type → name: two levels deep.
        const map = { ...(current as Record<string, object> | undefined) };
        for (const [type, byName] of Object.entries(value as Record<string, object>)) {
          map[type] = { ...map[type], ...byName };
        }
        merged[kind] = map;
      }
    }
  }
  config = merged as Config;
});

const isSecretVariable = (name: string) => /token|secret|password|api_key|signing_key/.test(name);
const environmentVariables = () => Object.values(config.resource?.vercel_project_environment_variable ?? {}).flat();

describe("deploy/terraform", () => {
  it("pins the Vercel, Upstash and Neon providers to exact versions, and Terraform itself", () => {
    const providers: Record<string, { source: string; version: string }> = Object.assign(
      {},
      ...(config.terraform?.flatMap((t) => t.required_providers ?? []) ?? []),
    );
    expect(Object.fromEntries(Object.entries(providers).map(([name, p]) => [name, p.source]))).toEqual({
      vercel: "vercel/vercel",
      upstash: "upstash/upstash",
      neon: "kislerdm/neon",
    });
    for (const [name, { version }] of Object.entries(providers)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(config.terraform?.[0]?.required_version).toMatch(/^>= \d+\.\d+/);
  });

  it("marks every secret variable sensitive and gives none a default", () => {
    const variables = Object.entries(config.variable ?? {});
    const secrets = variables.filter(([name]) => isSecretVariable(name));
    expect(secrets.map(([name]) => name)).toEqual(expect.arrayContaining(["nextauth_secret", "cron_secret"]));
    for (const [name, [variable]] of secrets) {
      expect(variable?.sensitive, name).toBe(true);
      expect(variable?.default ?? null, name).toBeNull();
    }
  });

  it("holds no literal secret: providers and secret environment values come from variables or resources", () => {
    for (const [name, [block]] of Object.entries(config.provider ?? {})) {
      for (const [key, value] of Object.entries(block ?? {})) {
        if (isSecretVariable(key)) expect(value, `${name}.${key}`).toMatch(/^\$\{[^}]+\}$/);
      }
    }
    for (const variable of environmentVariables()) {
      if (isSecretName(String(variable.key))) {
        expect(variable.value, String(variable.key)).toMatch(
          /^\$\{(var|neon_project|upstash_redis_database)\.[^}]+\}$/,
        );
        expect(variable.sensitive, String(variable.key)).toBe(true);
      }
    }
    const example = readFileSync(path.join(dir, "terraform.tfvars.example"), "utf8");
    for (const [, name, value] of example.matchAll(/^\s*(\w+)\s*=\s*(.*)$/gm)) {
      if (isSecretVariable(name!)) expect(value, name).toBe('""');
    }
  });

  it("sets every variable lib/env.ts requires in production on the Vercel project, and only known ones", () => {
    const variables = environmentVariables();
    for (const variable of variables) {
      expect(variable.project_id).toBe("${vercel_project.app.id}");
      expect(variable.target).toContain("production");
    }
    const keys = variables.map((v) => String(v.key));
    expect(keys).toEqual(expect.arrayContaining(requiredInProduction()));
    // What production needs beyond starting: the cron's secret and the Redis the limits and boards live in.
    expect(keys).toEqual(expect.arrayContaining(["CRON_SECRET", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"]));
    expect(keys.filter((key) => !knownVariables.includes(key))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps local state and filled-in variables out of git", () => {
    const ignored = readFileSync(path.join(root, ".gitignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining([".terraform/", "*.tfstate", "*.tfvars"]));
  });
});
