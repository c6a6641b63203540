import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "@/lib/accounts/password";
import { hunterNameKey } from "@/lib/accounts/names";
import { signUpSchema, type changeEmailSchema, type changePasswordSchema } from "@/lib/accounts/schemas";
import { enforceLimit } from "@/lib/rate-limit/service";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation";
import { passwordWeakness } from "@/lib/accounts/strength";

export type AccountSummary = { userId: string; playerId: string; email: string; hunterName: string };

const TAKEN = {
  email: "An account with this email already exists",
  hunterName: "This hunter name is taken",
} as const;

/**
 * A sign-up's input checked as far as it can be without revealing whether its email has an account: the fields
 * (zod), then `limit` (once the form is valid, so a rate limit counts real attempts, not typos), then the password's
 * strength. Returns the parsed input and the hunter name's uniqueness key.
 */
export async function checkSignUp(raw: unknown, limit?: () => Promise<void>) {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Check the highlighted fields", fieldErrorsOf(parsed.error));
  }
  await limit?.();
  const { email, password, hunterName } = parsed.data;
  const weakness = passwordWeakness(password, [email, email.split("@")[0] ?? "", hunterName]);
  if (weakness) throw new AppError("VALIDATION_FAILED", "Check the highlighted fields", { password: weakness });
  return { ...parsed.data, nameKey: hunterNameKey(hunterName) };
}

/**
 * Creates a user and their Hunter at once. Rejects bad or duplicate input with field errors and writes nothing.
 * Sign-up uses it when no mail is configured (lib/accounts/sign-up.ts); a taken email is then a 409.
 */
export async function createAccount(
  raw: unknown,
  options: { limit?: () => Promise<void> } = {},
): Promise<AccountSummary> {
  const { email, password, hunterName, timeZone, nameKey } = await checkSignUp(raw, options.limit);

  const [emailTaken, nameTaken] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true } }),
    db.player.findUnique({ where: { hunterNameKey: nameKey }, select: { id: true } }),
  ]);
  if (emailTaken || nameTaken) throw conflict(Boolean(emailTaken), Boolean(nameTaken));

  return insertAccount({ email, passwordHash: await hashPassword(password), hunterName, timeZone });
}

/** Writes a user and their Hunter; a unique index refusing the email or the name is a 409 naming which. */
export async function insertAccount(
  input: { email: string; passwordHash: string; hunterName: string; timeZone: string },
  tx: Tx = db,
): Promise<AccountSummary> {
  const { email, passwordHash, hunterName, timeZone } = input;
  try {
    const user = await tx.user.create({
      data: {
        email,
        name: hunterName,
        passwordHash,
        player: { create: { hunterName, hunterNameKey: hunterNameKey(hunterName), timeZone } },
      },
      select: { id: true, email: true, player: { select: { id: true, hunterName: true } } },
    });
    return { userId: user.id, email: user.email, playerId: user.player!.id, hunterName: user.player!.hunterName };
  } catch (error) {
    // Two sign-ups racing for the same email or name: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw conflict(target.includes("email"), target.includes("hunterNameKey"));
    }
    throw error;
  }
}

export function conflict(email: boolean, hunterName: boolean): AppError {
  return new AppError("CONFLICT", email ? TAKEN.email : TAKEN.hunterName, {
    ...(email && { email: TAKEN.email }),
    ...(hunterName && { hunterName: TAKEN.hunterName }),
  });
}

/** The user id for a correct email and password, otherwise null. */
export async function verifyCredentials(email: string, password: string): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true },
  });
  if (!user?.passwordHash) return verifyAgainstDecoy(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}

/**
 * Gives an account created through GitHub or Google its Hunter: a name from the profile with a number to keep
 * it unique, and UTC until the player sets their zone.
 */
export async function createPlayerForOAuthUser(userId: string, profileName: string | null): Promise<void> {
  const base =
    (profileName ?? "")
      .replace(/[^\p{L}\p{N}_ -]/gu, "")
      .trim()
      .slice(0, 18) || "Hunter";
  for (let attempt = 0; attempt < 5; attempt++) {
    const hunterName = `${base}-${Math.floor(1000 + Math.random() * 9000)}`;
    try {
      await db.player.create({
        data: { userId, hunterName, hunterNameKey: hunterNameKey(hunterName), timeZone: "UTC" },
      });
      return;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free hunter name");
}

/** Deletes the account and every row that belongs to it (the schema cascades from User). */
export async function deleteAccount(playerId: string): Promise<void> {
  const player = await db.player.findUnique({ where: { id: playerId }, select: { userId: true } });
  if (!player) throw new AppError("NOT_FOUND", "Player not found");
  await db.user.delete({ where: { id: player.userId } });
}

/** What settings show of the sign-in: the email, and whether there is a password (GitHub and Google may not). */
export async function getAccount(playerId: string): Promise<{ email: string; hasPassword: boolean }> {
  const { user } = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { user: { select: { email: true, passwordHash: true } } },
  });
  return { email: user.email, hasPassword: user.passwordHash !== null };
}

/**
 * The current password again before the sign-in itself changes: a session left open on a shared machine cannot
 * take the account over. Limited per player (docs/rules.md "Limits"), right or wrong.
 */
async function reauthenticate(playerId: string, currentPassword: string) {
  await enforceLimit("reauthPlayer", playerId);
  const { user } = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { user: { select: { id: true, email: true, name: true, passwordHash: true } } },
  });
  if (!user.passwordHash) {
    throw new AppError("CONFLICT", "This account signs in with GitHub or Google: set a password first", {
      currentPassword: "No password yet: use “Forgot password” on the sign-in page to set one",
    });
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION_FAILED", "Your current password is not right", {
      currentPassword: "That is not your current password",
    });
  }
  return user;
}

/** A new sign-in email, after the current password; taken by another account, a 409 that changes nothing. */
export async function changeEmail(playerId: string, input: z.output<typeof changeEmailSchema>): Promise<void> {
  const user = await reauthenticate(playerId, input.currentPassword);
  if (user.email === input.email) return;
  try {
    await db.user.update({ where: { id: user.id }, data: { email: input.email } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(true, false);
    throw error;
  }
}

/** A new password, after the current one. Every session ends, this one too: the Hunter signs in with it. */
export async function changePassword(playerId: string, input: z.output<typeof changePasswordSchema>): Promise<void> {
  const user = await reauthenticate(playerId, input.currentPassword);
  const weakness = passwordWeakness(input.newPassword, [user.email, user.email.split("@")[0] ?? "", user.name ?? ""]);
  if (weakness) throw new AppError("VALIDATION_FAILED", "Check the new password", { newPassword: weakness });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
}
