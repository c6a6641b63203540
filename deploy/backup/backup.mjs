#!/usr/bin/env node
// npm run backup [-- --out FILE]: a pg_dump custom-format (-Fc) backup of DATABASE_URL (use the direct, unpooled
// URL), compressed, restorable with pg_restore into any database (see README "Backup and restore").
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { checkClientVersion, connect, describe, libpqEnv, option, run } from "./pg-tools.mjs";

const source = option("source") ?? process.env.DATABASE_URL;
if (!source) {
  console.error("[backup] Set DATABASE_URL (or pass --source URL): the database to back up.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = path.resolve(option("out") ?? `backups/thesystem-${stamp}.dump`);
mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const client = await connect(source);
try {
  const { clientMajor, serverMajor } = await checkClientVersion(client);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`], {
    env: { ...process.env, ...libpqEnv(source) },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (statSync(out).size / 1024 / 1024).toFixed(2);
  console.log(
    `[backup] ${describe(source)} → ${out} (${megabytes} MB in ${seconds} s; pg_dump ${clientMajor}, server ${serverMajor})`,
  );
} finally {
  await client.end();
}
