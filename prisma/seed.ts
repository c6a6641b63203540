// Seeds the demo Hunter so a fresh `npm start` has someone to sign in as. Safe to run repeatedly.
import { createAccount } from "@/lib/accounts/service";
import { db } from "@/lib/db";

const DEMO = { email: "demo@thesystem.local", password: "arise-shadow-army", hunterName: "Demo Hunter" };

const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { id: true } });
if (!existing) await createAccount({ ...DEMO, timeZone: "UTC" });
console.log(`[seed] Demo Hunter ready: sign in as ${DEMO.email} / ${DEMO.password}`);
await db.$disconnect();
