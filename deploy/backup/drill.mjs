#!/usr/bin/env node
// npm run backup:drill: proves a backup restores. Dumps the source database (DATABASE_URL or --source; with
// --seed, a fresh scratch database migrated and seeded on that server), restores the dump into a fresh database,
// runs `prisma migrate status` on it, compares the row count of every table and the ledger-equals-totals
// invariant with the source (deploy/backup/verify.mjs), boots the built app on the restored copy and checks /api/health, and prints the
// recovery time (RTO). The source is read in one exported snapshot, so counts and dump agree even while the
// source is being written to. Options: --seed, --source URL, --require-boot, --skip-boot (data only), --keep,
// --json.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  adminQuery,
  checkClientVersion,
  connect,
  describe,
  flag,
  libpqEnv,
  option,
  run,
  withDatabase,
} from "./pg-tools.mjs";
import { compareSnapshots, snapshotOf } from "./verify.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const log = (message) => !flag("json") && console.log(`[drill] ${message}`);
const suffix = `${Date.now()}_${randomBytes(3).toString("hex")}`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts the built app (next start) on the restored database and waits for /api/health. */
async function bootAndCheckHealth(databaseUrl) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: "ignore",
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "2",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: base,
    },
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
      const response = await fetch(`${base}/api/health`).catch(() => null);
      if (response) return { status: response.status, body: await response.json() };
      if (Date.now() > deadline) throw new Error("/api/health did not answer within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    app.kill("SIGTERM");
  }
}

const cleanups = [];
const timings = {};
const timed = async (name, work) => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - started) / 1000;
  }
};

try {
  let source = option("source") ?? process.env.DATABASE_URL;
  if (!source) throw new Error("Set DATABASE_URL (or pass --source URL): the server or database to drill on.");

  if (flag("seed")) {
    const seeded = withDatabase(source, `thesystem_drill_seed_${suffix}`);
    await adminQuery(source, `CREATE DATABASE "thesystem_drill_seed_${suffix}"`);
    cleanups.push(() => adminQuery(source, `DROP DATABASE IF EXISTS "thesystem_drill_seed_${suffix}" WITH (FORCE)`));
    await timed("seed", async () => {
      // The seed command (tsx) is found on PATH, as under npm run.
      const PATH = `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`;
      const NEXTAUTH_SECRET = randomBytes(32).toString("base64"); // the app's env check wants one; unused here
      const env = { ...process.env, PATH, NEXTAUTH_SECRET, DATABASE_URL: seeded, CHECKPOINT_DISABLE: "1" };
      await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env });
      await run(bin("prisma"), ["db", "seed"], { cwd: root, env });
    });
    source = seeded;
  }
  log(`source: ${describe(source)}`);

  // 1. Backup: counts and invariant in the same snapshot pg_dump reads.
  const dir = mkdtempSync(path.join(os.tmpdir(), "thesystem-drill-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dumpFile = path.join(dir, "backup.dump");
  const sourceClient = await connect(source);
  let before;
  try {
    await checkClientVersion(sourceClient);
    await sourceClient.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await sourceClient.query("SELECT pg_export_snapshot() AS snapshot");
    before = await snapshotOf(sourceClient);
    await timed("dump", () =>
      run(
        "pg_dump",
        ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${rows[0].snapshot}`, `--file=${dumpFile}`],
        {
          env: { ...process.env, ...libpqEnv(source) },
        },
      ),
    );
    await sourceClient.query("COMMIT");
  } finally {
    await sourceClient.end();
  }
  log(
    `dumped ${Object.keys(before.counts).length} tables, ${(statSync(dumpFile).size / 1024).toFixed(0)} KB in ${timings.dump} s`,
  );

  // 2. Recovery, timed as a whole: restore, schema check, verification, app up.
  const recoveryStarted = performance.now();
  const restoredName = `thesystem_drill_restore_${suffix}`;
  const restored = withDatabase(source, restoredName);
  await adminQuery(source, `CREATE DATABASE "${restoredName}"`);
  if (!flag("keep")) cleanups.push(() => adminQuery(source, `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
  await timed("restore", () =>
    run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${restoredName}`, dumpFile], {
      env: { ...process.env, ...libpqEnv(restored) },
    }),
  );
  const migrateStatus = await timed("migrateStatus", () =>
    run(bin("prisma"), ["migrate", "status"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: restored, CHECKPOINT_DISABLE: "1" },
    }),
  );
  const restoredClient = await connect(restored);
  let after;
  try {
    after = await timed("verify", () => snapshotOf(restoredClient));
  } finally {
    await restoredClient.end();
  }
  const { problems, warnings } = compareSnapshots(before, after);
  if (problems.length > 0) throw new Error(`the restore differs from the source:\n  ${problems.join("\n  ")}`);
  for (const warning of warnings) console.error(`[drill] warning: ${warning}`);
  log(
    `restored ${Object.values(after.counts).reduce((a, b) => a + b, 0)} rows; every table's count and the ledger agree`,
  );

  const hasBuild = !flag("skip-boot") && existsSync(path.join(root, ".next/BUILD_ID"));
  if (!hasBuild && flag("require-boot")) throw new Error("no build to boot (.next/BUILD_ID): run npm run build");
  const health = hasBuild ? await timed("boot", () => bootAndCheckHealth(restored)) : null;
  if (health && (health.status !== 200 || health.body.database !== "ok")) {
    throw new Error(`/api/health on the restored copy answered ${health.status} ${JSON.stringify(health.body)}`);
  }
  const rtoSeconds = Math.round(performance.now() - recoveryStarted) / 1000;
  log(health ? "the app boots on the restored copy: /api/health 200" : "app boot skipped (no build, or --skip-boot)");
  log(
    `RTO ${rtoSeconds} s (restore ${timings.restore} s, migrate status ${timings.migrateStatus} s, verify ${timings.verify} s${health ? `, boot ${timings.boot} s` : ""})`,
  );

  const summary = {
    ok: true,
    tables: after.counts,
    ledgerDrift: after.ledgerDrift,
    migrateStatus: migrateStatus.includes("Database schema is up to date") ? "up to date" : migrateStatus.trim(),
    health: health && { status: health.status, database: health.body.database },
    rtoSeconds,
    timings,
  };
  if (flag("json")) console.log(JSON.stringify(summary));
} catch (error) {
  console.error(`[drill] FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error) => console.error(`[drill] cleanup: ${error.message}`));
  }
}
