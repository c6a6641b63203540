// compose.yaml: valid for Compose (Debian's docker-compose `config -q`, no Docker engine needed) and shaped the way
// self-hosting needs: migrate once before the app, Postgres persisted and healthy, Redis behind the Upstash REST
// proxy, every secret from .env and every variable lib/env.ts requires set on the app.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isSecretName, knownVariables, requiredInProduction } from "@/tests/support/env-contract";
import { root } from "@/tests/support/dockerfile";

type Service = {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  read_only?: boolean;
  tmpfs?: string[];
  command?: string[];
};
const file = path.join(root, "compose.yaml");
const compose = parse(readFileSync(file, "utf8")) as { services: Record<string, Service>; volumes: object };
const services = compose.services;
const service = (name: string) => {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};

// Debian's docker-compose (v1) here, the Docker CLI's `docker compose` (v2) on GitHub's runners: neither needs a
// running engine for `config`.
const composeCli = [["docker-compose"], ["docker", "compose"]].find(
  ([command, ...args]) => spawnSync(command!, [...args, "version"]).status === 0,
);
const hasCompose = composeCli !== undefined;

/** `docker-compose config` with only the given .env values (not this machine's environment or .env). */
function composeConfig(values: Record<string, string>, ...args: string[]) {
  const envFile = path.join(mkdtempSync(path.join(os.tmpdir(), "compose-")), ".env");
  writeFileSync(
    envFile,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
  const [command, ...prefix] = composeCli!;
  return spawnSync(command!, [...prefix, "-f", file, "--env-file", envFile, "config", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: process.env.NODE_ENV },
    encoding: "utf8",
  });
}

const dotEnv = {
  POSTGRES_PASSWORD: "compose-test-password",
  NEXTAUTH_SECRET: "x".repeat(32),
  SRH_TOKEN: "compose-test-token",
  CRON_SECRET: "compose-test-cron-secret",
};

// Each docker-compose run starts a Python interpreter: about a second, several on a busy machine.
describe("docker-compose config", { timeout: 60_000 }, () => {
  it("is installed wherever CI runs (.ci/run installs Debian's docker-compose)", () => {
    if (process.env.CI === "true") expect(hasCompose).toBe(true);
  });

  it.runIf(hasCompose)("accepts compose.yaml with a complete .env", () => {
    const result = composeConfig(dotEnv, "-q");
    expect(result.stderr).not.toMatch(/error|invalid|warn/i);
    expect(result.status).toBe(0);
  });

  it.runIf(hasCompose)("refuses to start without the secrets, and names each one", () => {
    for (const name of Object.keys(dotEnv)) {
      const rest = Object.fromEntries(Object.entries(dotEnv).filter(([key]) => key !== name));
      const result = composeConfig(rest, "-q");
      expect(result.status, name).not.toBe(0);
      expect(result.stderr).toContain(`set ${name} in .env`);
    }
  });

  it.runIf(hasCompose)("hands the .env values to the app, and no value from this file", () => {
    const resolved = parse(composeConfig(dotEnv).stdout) as typeof compose;
    const app = resolved.services.app!.environment!;
    expect(app.DATABASE_URL).toBe("postgresql://thesystem:compose-test-password@postgres:5432/thesystem");
    expect(app.NEXTAUTH_SECRET).toBe(dotEnv.NEXTAUTH_SECRET);
    expect(app.UPSTASH_REDIS_REST_TOKEN).toBe(dotEnv.SRH_TOKEN);
    expect(resolved.services["redis-http"]!.environment!.SRH_TOKEN).toBe(dotEnv.SRH_TOKEN);
  });
});

describe("compose.yaml", () => {
  it("pins every image it pulls to an exact version (Postgres versions are major.minor)", () => {
    for (const [name, { image, build }] of Object.entries(services)) {
      if (build || image?.endsWith(":local")) continue;
      expect(image, name).toMatch(/^[\w./-]+:\d+\.\d+(\.\d+)?(-[\w.-]+)?(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it("keeps Postgres on a named volume with a healthcheck, and Redis behind the Upstash REST proxy", () => {
    const postgres = service("postgres");
    const [volume] = (postgres.volumes ?? []).map((v) => v.split(":"));
    expect(volume?.[1]).toBe("/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes)).toContain(volume?.[0]);
    expect(postgres.healthcheck?.test?.join(" ")).toContain("pg_isready");
    expect(service("redis").healthcheck?.test?.join(" ")).toContain("redis-cli ping");
    const proxy = service("redis-http");
    expect(proxy.image).toMatch(/^hiett\/serverless-redis-http:/);
    expect(proxy.environment?.SRH_CONNECTION_STRING).toBe("redis://redis:6379");
    expect(service("app").environment?.UPSTASH_REDIS_REST_URL).toBe("http://redis-http:80");
  });

  it("migrates once, from the migrate image, before the app starts", () => {
    const migrate = service("migrate");
    expect(migrate.build?.target).toBe("migrate");
    expect(migrate.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(service("app").depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(service("app").build?.target).toBeUndefined(); // the Dockerfile's last stage: the app
  });

  it("runs the app with a read-only root filesystem and writable /tmp and .next/cache only", () => {
    const app = service("app");
    expect(app.read_only).toBe(true);
    expect(app.tmpfs?.sort()).toEqual(["/app/.next/cache", "/tmp"]);
  });

  it("sets every variable lib/env.ts requires in production, and only variables it knows", () => {
    const names = Object.keys(service("app").environment ?? {});
    expect(names).toEqual(expect.arrayContaining(requiredInProduction()));
    expect(names.filter((name) => !knownVariables.includes(name))).toEqual([]);
  });

  it("takes every secret from .env: no literal secret anywhere", () => {
    for (const [name, { environment }] of Object.entries(services)) {
      for (const [key, value] of Object.entries(environment ?? {})) {
        if (!isSecretName(key)) continue;
        expect(value, `${name}.${key}`).toMatch(/\$\{[A-Z_]+(:?[-?][^}]*)?\}/);
      }
    }
  });

  it("ticks /api/cron/tick with the cron secret", () => {
    const tick = service("tick");
    expect(tick.command?.join(" ")).toMatch(/\/api\/cron\/tick.*Bearer \$\$\{process\.env\.CRON_SECRET\}/);
    expect(tick.environment?.CRON_SECRET).toMatch(/^\$\{CRON_SECRET/);
  });
});
