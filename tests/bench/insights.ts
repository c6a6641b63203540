// npx tsx --conditions=react-server tests/bench/insights.ts (also run by `npm run bench`): the built-in weekly report
// and today's at-risk dailies for a Hunter with 365 days × 10 dailies of history, on a throw-away database of the real
// PostgreSQL (DATABASE_URL's server). Prints the time each takes (median and p95 of 30 runs, alternating with the
// status window's read as a baseline) and the queries each makes. Target: under 50 ms each. Asserts nothing.
import pg from "pg";
import { benchDatabase, runAppHere } from "./support.mjs";

const DAYS = 365;
const QUESTS = 10;
const RUNS = 30;

const database = await benchDatabase("thesystem_bench_insights");
runAppHere(database.url, { OPENAI_API_KEY: "" });

const now = new Date();
const today = now.toISOString().slice(0, 10);
const seed = new pg.Client({ connectionString: database.url });
await seed.connect();
// One Hunter, ten dailies created a year ago, each done on about four days in five at a morning hour, every day
// settled, an award in the ledger for each check-in.
await seed.query(
  `
  INSERT INTO "User" (id, email, "updatedAt") VALUES ('bench-u', 'bench-insights@example.com', now());
  INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", "createdAt", "updatedAt", "lastSettledDay", xp, level)
    VALUES ('bench-p', 'bench-u', 'Bench', 'bench', 'UTC', DATE '${today}' - ${DAYS + 1}, now(), to_char(DATE '${today}' - 1, 'YYYY-MM-DD'), 300000, 55);
  INSERT INTO "Quest" (id, "playerId", kind, title, difficulty, stats, schedule, "createdDay", strength, "updatedAt")
    SELECT 'bench-q' || q, 'bench-p', 'DAILY', 'Daily ' || q, 'NORMAL',
           ARRAY[(ARRAY['STR','AGI','VIT','INT','PER'])[1 + q % 5]]::"Stat"[], '{"type":"EVERY_DAY"}',
           to_char(DATE '${today}' - ${DAYS + 1}, 'YYYY-MM-DD'), 0.7, now()
    FROM generate_series(1, ${QUESTS}) q;
  INSERT INTO "CheckIn" (id, "playerId", "questId", "dayKey", "happenedAt", source, "idempotencyKey", response)
    SELECT 'bench-c-' || d || '-' || q, 'bench-p', 'bench-q' || q, to_char(DATE '${today}' - d, 'YYYY-MM-DD'),
           (DATE '${today}' - d) + make_interval(hours => 6 + q % 4), 'LIVE', 'bench-' || d || '-' || q, '{}'
    FROM generate_series(1, ${DAYS}) d, generate_series(1, ${QUESTS}) q
    WHERE (d * 7 + q) % 5 <> 0;
  INSERT INTO "LedgerEntry" (id, "playerId", reason, xp, gold, "dayKey", "checkInId")
    SELECT 'bench-l-' || c.id, 'bench-p', 'AWARD', 100, 10, c."dayKey", c.id FROM "CheckIn" c;
  INSERT INTO "DaySettlement" ("playerId", "dayKey", outcome, "streakAfter", "shieldsAfter")
    SELECT 'bench-p', to_char(DATE '${today}' - d, 'YYYY-MM-DD'), 'FAILED', 0, 0 FROM generate_series(1, ${DAYS}) d;
  INSERT INTO "AchievementUnlock" ("playerId", "achievementId") VALUES ('bench-p', 'know-thyself');
  ANALYZE;`,
);
const { rows } = await seed.query(`SELECT count(*)::int AS n FROM "CheckIn"`);
await seed.end();

// Imported once the environment points at the bench database.
const { db } = await import("@/lib/db");
const { getReport } = await import("@/lib/insights/service");
const { getAtRisk } = await import("@/lib/insights/queries");
const { getPlayerStatus } = await import("@/lib/player/queries");

let queries = 0;
db.$on("query", () => void (queries += 1));

const jobs = {
  // The baseline: the status window's read of the same Hunter (a machine shared with other work is noisy; the ratio
  // to this, measured alternately in the same run, is the steadier figure).
  "status window (baseline)": () => getPlayerStatus("bench-p", now),
  "built-in weekly report (last week)": () => getReport("bench-p", now),
  "at-risk dailies (today)": () => getAtRisk("bench-p", now),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(jobs).map((name) => [name, []]));
const cost: Record<string, number> = {};
for (const job of Object.values(jobs)) await job(); // warm up: connections, JIT
for (let run = 0; run < RUNS; run++) {
  for (const [name, job] of Object.entries(jobs)) {
    const before = queries;
    const started = performance.now();
    await job();
    samples[name]!.push(performance.now() - started);
    cost[name] = queries - before;
  }
}
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((p / 100) * (values.length - 1))]!;
console.log(
  `\nThe System speaks: one Hunter, ${DAYS} days × ${QUESTS} dailies (${rows[0].n.toLocaleString("en")} check-ins), ${RUNS} runs each:`,
);
console.table(
  Object.keys(jobs).map((name) => ({
    scenario: name,
    "p50 ms": Math.round(percentile(samples[name]!, 50) * 10) / 10,
    "p95 ms": Math.round(percentile(samples[name]!, 95) * 10) / 10,
    "× baseline":
      Math.round((percentile(samples[name]!, 50) / percentile(samples[Object.keys(jobs)[0]!]!, 50)) * 10) / 10,
    queries: cost[name],
    "target ms": 50,
  })),
);

await db.$disconnect();
await database.drop();
