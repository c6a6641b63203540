// npm run leaderboard:rebuild — restores the weekly and all-time boards in Redis from the database.
import { db } from "@/lib/db";
import { rebuildLeaderboards } from "@/lib/leaderboard/service";

// Writing 100,000 entries is a batch job, not a page: each Redis call may take its time (env is read lazily).
process.env.REDIS_TIMEOUT_MS ??= "30000";

const counts = await rebuildLeaderboards(new Date());
console.log(`[leaderboard] rebuilt: ${counts.all} players all-time, ${counts.weekly} this week`);
await db.$disconnect();
