// Seeds the demo Hunter, with three weeks of history, so a fresh `npm start` has someone to sign in as. Safe to run
// repeatedly. Its password is public (prisma/embedded.mjs), so only on the embedded database (a laptop) or when
// SEED_DEMO=1 asks: never on a production one.
import { createAccount } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { playDemoHistory } from "./demo-history";
import { DEMO, EMBEDDED_DATABASE_URL } from "./embedded.mjs";

// prisma/start.mjs says when it runs the embedded database (on whichever port was free).
const embedded = process.env.EMBEDDED_DATABASE === "1" || env().DATABASE_URL === EMBEDDED_DATABASE_URL;

if (embedded || env().SEED_DEMO) {
  const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { id: true } });
  if (!existing) {
    const { playerId } = await createAccount({ ...DEMO, timeZone: "UTC" });
    // A newcomer's first screen is alive: three weeks of history, played through the game's own rules.
    await playDemoHistory(playerId, new Date());
  }
  console.log(`[seed] Demo Hunter ready: sign in as ${DEMO.email} / ${DEMO.password}`);
} else {
  console.log("[seed] Not the embedded database: no demo Hunter (SEED_DEMO=1 seeds one).");
}
await db.$disconnect();
