// `npm run db:check-cli`: runs the stock Prisma CLI's database commands, on the wasm schema engine, against
// scratch databases, so a Prisma upgrade can be checked in one go. Works on a temporary copy of prisma/, so the
// repository gets no new migrations. DATABASE_URL names the Postgres server (any database on it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
const serverUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const migrateDb = `check_cli_${process.pid}`;
const pushDb = `check_cli_${process.pid}_push`;

const databaseUrl = (database) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
};

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A copy of the project's Prisma setup: its config, schema, migrations and engine, with the real node_modules.
function makeProjectCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-cli-"));
  fs.cpSync(path.join(root, "prisma"), path.join(dir, "prisma"), { recursive: true });
  fs.copyFileSync(path.join(root, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function prisma(dir, args, { database = migrateDb, expect, input } = {}) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [prismaCli, ...args], {
    cwd: dir,
    encoding: "utf8",
    input,
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: databaseUrl(database), CHECKPOINT_DISABLE: "1" },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const output = `${run.stdout}${run.stderr}`;
  const passed = run.status === 0 && (!expect || expect.test(output));
  console.log(`${passed ? "PASS" : "FAIL"} ${seconds.padStart(5)}s  prisma ${args.join(" ")}`);
  if (!passed) console.log(output.replace(/^/gm, "      "));
  return passed;
}

const dir = makeProjectCopy();
const results = [];
try {
  await admin(`CREATE DATABASE ${migrateDb}`);
  results.push(prisma(dir, ["migrate", "deploy"], { expect: /migrations? found/ }));
  // The engine reads CHECK constraints' type from a "char" column, which the driver adapter does not support
  // on its own; `migrate dev` below fails if that column stops reaching the engine.
  const check = `ALTER TABLE "_prisma_migrations" ADD CONSTRAINT check_cli CHECK (applied_steps_count >= 0);`;
  results.push(prisma(dir, ["db", "execute", "--stdin"], { input: check, expect: /Script executed successfully/ }));
  results.push(prisma(dir, ["migrate", "status"], { expect: /Database schema is up to date/ }));
  // A schema change makes `migrate dev` generate, shadow-check and apply a real migration.
  fs.appendFileSync(path.join(dir, "prisma/schema.prisma"), "\nmodel CheckCli {\n  id Int @id\n}\n");
  results.push(prisma(dir, ["migrate", "dev", "--name", "check_cli"], { expect: /_check_cli\// }));
  results.push(prisma(dir, ["migrate", "reset", "--force"], { expect: /Database reset successful/ }));
  // The push database does not exist yet: the CLI creates it through the engine.
  results.push(prisma(dir, ["db", "push"], { database: pushDb, expect: /in sync with your Prisma schema/ }));
  const diff = ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"];
  results.push(prisma(dir, diff, { expect: /CREATE TABLE "CheckCli"/ }));
} catch (error) {
  console.log(`FAIL  ${error.message}`);
  results.push(false);
} finally {
  const dropAll = [migrateDb, pushDb].map((database) => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  await Promise.all(dropAll).catch((error) => console.log(`could not drop the scratch databases: ${error.message}`));
  fs.rmSync(dir, { recursive: true, force: true });
}

const failed = results.filter((passed) => !passed).length;
console.log(failed ? `${failed} of ${results.length} failed` : `all ${results.length} passed`);
process.exitCode = failed ? 1 : 0;
