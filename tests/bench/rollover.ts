// npm run bench (called from run.mjs), or alone: npx tsx --conditions=react-server tests/bench/rollover.ts
// The rollover backstop (GET /api/cron/tick's first job) with 1,000 Hunters who each have two ended, unsettled days,
// first alone, then among 99,000 more who are settled through yesterday: its duration and query count, on real
// Postgres (issue #16). The backstop selects due Hunters by index, so the 99,000 should cost it nothing.
import pg from "pg";
import { benchDatabase, runAppHere } from "./support.mjs";

const DUE = 1_000;
const NOT_DUE = 99_000;
const RUNS = 3;

const database = await benchDatabase("thesystem_bench_rollover");
runAppHere(database.url);

// Imported after the environment is set: lib/env reads it once.
const { db } = await import("@/lib/db");
const { rolloverAll } = await import("@/lib/cron/rollover");

let queries = 0;
db.$on("query", () => void (queries += 1));

const seed = new pg.Client({ connectionString: database.url });
await seed.connect();

/** `count` Hunters in UTC (and a few other zones), created a week ago, settled through `settledDaysAgo` days ago. */
async function addHunters(prefix: string, count: number, settledDaysAgo: number) {
  await seed.query(
    `INSERT INTO "User" (id, email, "updatedAt")
     SELECT $1 || n, $1 || n || '@bench.app', now() FROM generate_series(1, $2::int) n`,
    [prefix, count],
  );
  await seed.query(
    `INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", "createdAt", "lastSettledDay",
       "updatedAt")
     SELECT 'p' || $1 || n, $1 || n, 'Bench ' || $1 || n, 'bench ' || $1 || n, z.zone, now() - interval '7 days',
       to_char((now() AT TIME ZONE z.zone)::date - $3::int, 'YYYY-MM-DD'), now()
     FROM generate_series(1, $2::int) n,
          LATERAL (SELECT (ARRAY['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])[1 + n % 4] AS zone) z`,
    [prefix, count, settledDaysAgo],
  );
}

/** One backstop run over every Hunter, with the due ones made due again first. */
async function run() {
  await seed.query(`DELETE FROM "DaySettlement"`);
  await seed.query(
    `UPDATE "Player" SET "lastSettledDay" = to_char((now() AT TIME ZONE "timeZone")::date - 3, 'YYYY-MM-DD'),
       streak = 0, shields = 0 WHERE id LIKE 'pdue%'`,
  );
  await seed.query("VACUUM ANALYZE");
  queries = 0;
  const started = performance.now();
  const result = await rolloverAll({ batchSize: 200, budgetMs: 600_000 });
  return { ms: performance.now() - started, queries, processed: result.processed, settledDays: result.settledDays };
}

type Run = Awaited<ReturnType<typeof run>>;

function summary(scenario: string, players: number, runs: Run[]) {
  const median = (pick: (run: Run) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    scenario,
    players,
    "visited / settled days": `${runs[0]!.processed} / ${runs[0]!.settledDays}`,
    "median ms": Math.round(median((r) => r.ms)),
    queries: runs[0]!.queries,
  };
}

try {
  console.log(
    `[bench] rollover: ${DUE.toLocaleString("en")} Hunters with days to settle, then among ` +
      `${NOT_DUE.toLocaleString("en")} settled ones, alternately…`,
  );
  await addHunters("due", DUE, 3);
  const alone: Run[] = [];
  const among: Run[] = [];
  for (let round = 0; round < RUNS; round++) {
    await seed.query(`DELETE FROM "User" WHERE id LIKE 'idle%'`);
    alone.push(await run());
    await addHunters("idle", NOT_DUE, 1);
    among.push(await run());
  }
  const a = summary("backstop, only the due Hunters", DUE, alone);
  const b = summary("backstop, due among settled Hunters", DUE + NOT_DUE, among);
  console.log(`\nThe rollover backstop (${RUNS} alternating runs each, median):`);
  console.table([a, b]);
  console.log(
    `With ${NOT_DUE.toLocaleString("en")} Hunters settled: ×${(b["median ms"] / a["median ms"]).toFixed(2)} the time, ` +
      `${a.queries} → ${b.queries} queries.`,
  );
} finally {
  await seed.end();
  await db.$disconnect();
  await database.drop();
}
