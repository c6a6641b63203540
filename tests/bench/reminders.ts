// npm run bench (called from run.mjs), or alone: npx tsx --conditions=react-server tests/bench/reminders.ts
// The notification tick with 1,000 Hunters due a reminder, first alone, then among 9,000 more who are not due: its
// duration and query count, on real Postgres, delivering to a local push service that verifies and decrypts every
// push. The tick finds due reminders by index, so the Hunters not due should cost it nothing. Prints a table.
import pg from "pg";
import webpush from "web-push";
import { startPushService, type PushSubscriptionJson } from "../support/push-service.mjs";
import { benchDatabase, runAppHere } from "./support.mjs";

const DUE = 1_000;
const NOT_DUE = 9_000;
const RUNS = 3;
const database = await benchDatabase("thesystem_bench_reminders");
const push = await startPushService();
const keys = webpush.generateVAPIDKeys();
runAppHere(database.url, {
  VAPID_PUBLIC_KEY: keys.publicKey,
  VAPID_PRIVATE_KEY: keys.privateKey,
  VAPID_SUBJECT: "mailto:bench@thesystem.app",
  PUSH_ALLOWED_ORIGINS: push.origin,
});

// Imported after the environment is set: lib/env reads it once.
const { db } = await import("@/lib/db");
const { runNotifications } = await import("@/lib/notifications/cron");

let queries = 0;
db.$on("query", () => void (queries += 1));

// A zone where it is not the last-chance hour, so only quest reminders are due.
const zone = new Date().getUTCHours() === 20 ? "Asia/Tokyo" : "UTC";
const seed = new pg.Client({ connectionString: database.url });
await seed.connect();

/** `count` Hunters, each with a daily and a device; due ones remind a minute ago, the rest in 12 hours. */
async function addHunters(prefix: string, subscriptions: PushSubscriptionJson[], due: boolean) {
  const count = subscriptions.length;
  const at = new Date(Date.now() + (due ? -60_000 : 12 * 3_600_000));
  await seed.query(
    `INSERT INTO "User" (id, email, "updatedAt")
     SELECT $1 || n, $1 || n || '@bench.app', now() FROM generate_series(1, $2::int) n`,
    [prefix, count],
  );
  await seed.query(
    `INSERT INTO "Player" (id, "userId", "hunterName", "hunterNameKey", "timeZone", "notificationPrefs", "updatedAt")
     SELECT 'p' || $1 || n, $1 || n, 'Bench ' || $1 || n, 'bench ' || $1 || n, $3, '{"quietHours":null}', now()
     FROM generate_series(1, $2::int) n`,
    [prefix, count, zone],
  );
  await seed.query(
    `INSERT INTO "Quest" (id, "playerId", kind, title, difficulty, stats, schedule, "reminderTimes", "nextReminderAt",
       "createdDay", "updatedAt")
     SELECT 'q' || $1 || n, 'p' || $1 || n, 'DAILY', 'Run', 'EASY', '{STR}', '{"type":"EVERY_DAY"}', ARRAY[$3::text],
       $4::timestamptz AT TIME ZONE 'UTC', '2000-01-01', now()
     FROM generate_series(1, $2::int) n`,
    [prefix, count, localTime(at), at.toISOString()],
  );
  await seed.query(
    `INSERT INTO "PushSubscription" (id, "playerId", endpoint, p256dh, auth, device)
     SELECT 's' || $1 || e.n, 'p' || $1 || e.n, e.endpoint, e.p256dh, e.auth, 'Bench'
     FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS e(endpoint, p256dh, auth, n)`,
    [
      prefix,
      subscriptions.map((s) => s.endpoint),
      subscriptions.map((s) => s.keys.p256dh),
      subscriptions.map((s) => s.keys.auth),
    ],
  );
}

/** The local time of an instant in the bench's zone, "HH:MM". */
function localTime(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/** Makes the due Hunters due again: their reminders unsent, their next time this minute. */
async function rearm() {
  await seed.query(`DELETE FROM "Notification"`);
  await seed.query(
    `UPDATE "Quest" SET "nextReminderAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE id LIKE 'qdue%'`,
  );
}

/** One tick, with the due Hunters due again. */
async function tick() {
  await rearm();
  const before = push.messages.length;
  queries = 0;
  const started = performance.now();
  const result = await runNotifications({ budgetMs: 120_000 });
  const ms = performance.now() - started;
  return { ms, ...result.ms, queries, sent: result.delivery.sent, received: push.messages.length - before };
}

type Run = Awaited<ReturnType<typeof tick>>;

function summary(scenario: string, players: number, runs: Run[]) {
  const median = (pick: (run: Run) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    scenario,
    players,
    due: DUE,
    "sent / received": `${runs[0]!.sent} / ${runs[0]!.received}`,
    "median ms": Math.round(median((r) => r.ms)),
    "planning ms": median((r) => r.plan),
    "delivery ms": median((r) => r.deliver),
    queries: runs[0]!.queries,
  };
}

try {
  console.log(
    `[bench] reminders: ${DUE.toLocaleString("en")} due Hunters, then ${NOT_DUE.toLocaleString("en")} not due beside them, alternately…`,
  );
  await addHunters(
    "due",
    Array.from({ length: DUE }, () => push.subscription()),
    true,
  );
  const idle = Array.from({ length: NOT_DUE }, () => push.subscription());
  const alone: Run[] = [];
  const among: Run[] = [];
  for (let round = 0; round < RUNS; round++) {
    await seed.query(`DELETE FROM "User" WHERE id LIKE 'idle%'`);
    await seed.query("ANALYZE");
    alone.push(await tick());
    await addHunters("idle", idle, false);
    await seed.query("ANALYZE");
    among.push(await tick());
  }
  const a = summary("tick, only the due Hunters", DUE, alone);
  const b = summary("tick, due among Hunters not due", DUE + NOT_DUE, among);
  console.log(`\nThe notification tick (${RUNS} alternating runs each, median), delivering to a local push service:`);
  console.table([a, b]);
  console.log(
    `With ${NOT_DUE.toLocaleString("en")} Hunters not due: ×${(b["median ms"] / a["median ms"]).toFixed(2)} the time ` +
      `(planning ×${(b["planning ms"] / a["planning ms"]).toFixed(2)}), ${a.queries} → ${b.queries} queries.`,
  );
} finally {
  await seed.end();
  await db.$disconnect();
  await push.close();
  await database.drop();
}
