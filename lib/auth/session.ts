import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isLive, liveSessionSelect } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/** The signed-in user's id, or null when there is no session or it has ended. */
export async function getCurrentUserId(): Promise<string | null> {
  // Sessions live in request cookies: pages that ask are rendered per request, never at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, ...liveSessionSelect(session, new Date()) });
  return isLive(user, session) ? userId : null;
}

/** The signed-in user's id; sends anyone else to sign-in and back here afterwards. */
export async function requireUserId(returnTo: string): Promise<string> {
  const userId = await getCurrentUserId();
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return userId;
}
