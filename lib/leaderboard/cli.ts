// npm run leaderboard:rebuild — restores the weekly and all-time boards in Redis from the database.
import { db } from "@/lib/db";
import { rebuildLeaderboards } from "@/lib/leaderboard/service";

const counts = await rebuildLeaderboards(new Date());
console.log(`[leaderboard] rebuilt: ${counts.all} players all-time, ${counts.weekly} this week`);
await db.$disconnect();
