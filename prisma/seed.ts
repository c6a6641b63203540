// Seeds the demo Hunter so a fresh `npm start` has someone to sign in as. Safe to run repeatedly. Its password is
// in this file, so only on the embedded database (a laptop) or when SEED_DEMO=1 asks: never on a production one.
import { createAccount } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { EMBEDDED_DATABASE_URL } from "./embedded.mjs";

const DEMO = { email: "demo@thesystem.local", password: "arise-shadow-army", hunterName: "Demo Hunter" };

if (env().DATABASE_URL === EMBEDDED_DATABASE_URL || env().SEED_DEMO) {
  const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { id: true } });
  if (!existing) await createAccount({ ...DEMO, timeZone: "UTC" });
  console.log(`[seed] Demo Hunter ready: sign in as ${DEMO.email} / ${DEMO.password}`);
} else {
  console.log("[seed] Not the embedded database: no demo Hunter (SEED_DEMO=1 seeds one).");
}
await db.$disconnect();
