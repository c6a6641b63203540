import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/accounts/password";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/accounts/schemas";
import { fieldErrorsOf } from "@/lib/validation";
import { passwordWeakness } from "@/lib/accounts/strength";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMailAfterReply } from "@/lib/mail/service";
import { anonymise, enforceLimit } from "@/lib/rate-limit/service";
import { hashToken } from "@/lib/secrets";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 30;

// Reset links live in next-auth's VerificationToken table: one row per link, only the token's hash stored.
const identifierOf = (userId: string) => `password-reset:${userId}`;

/**
 * "Forgot password": mails a single-use link to the account's email, if there is such an account. The caller's
 * reply is the same either way (nothing tells which emails exist), a failing mail server included: the mail goes
 * out after the reply and a failure is only logged. Limited per email and per address.
 */
export async function requestPasswordReset(raw: unknown, ip: string, now: Date): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Check the email", fieldErrorsOf(parsed.error));
  const { email } = parsed.data;
  await enforceLimit("passwordResetIp", ip);
  await enforceLimit("passwordResetEmail", anonymise(email));
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  // A new link replaces any earlier one.
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: identifierOf(user.id) } }),
    db.verificationToken.create({
      data: {
        identifier: identifierOf(user.id),
        token: hashToken(token),
        expires: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    }),
  ]);
  const link = new URL(`/reset-password?token=${token}`, env().NEXTAUTH_URL ?? "http://localhost:3000");
  sendMailAfterReply(
    {
      to: email,
      subject: "[SYSTEM] Reset your password",
      text: [
        "Someone (hopefully you) asked to reset the password of your Hunter.",
        `Choose a new one here within ${RESET_LINK_MINUTES} minutes; the link works once:`,
        "",
        link.toString(),
        "",
        "If it was not you, ignore this mail: your password stays as it is.",
      ].join("\n"),
    },
    "password reset",
  );
}

/** Sets a new password with a link from requestPasswordReset, spends the link and ends every session. */
export async function resetPassword(raw: unknown, now: Date): Promise<void> {
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Check the new password", fieldErrorsOf(parsed.error));
  const { token, password } = parsed.data;
  const link = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  const userId = link?.identifier.startsWith("password-reset:")
    ? link.identifier.slice("password-reset:".length)
    : null;
  if (!link || !userId || link.expires <= now) {
    throw new AppError("NOT_FOUND", "This reset link has expired or was already used. Ask for a new one.");
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const weakness = passwordWeakness(password, [user.email, user.email.split("@")[0] ?? "", user.name ?? ""]);
  // A weak choice does not spend the link: the Hunter tries another password with it.
  if (weakness) throw new AppError("VALIDATION_FAILED", "Check the new password", { password: weakness });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // Spent inside the transaction: two submissions of one link change the password once.
    const { count } = await tx.verificationToken.deleteMany({ where: { token: link.token, expires: { gt: now } } });
    if (count === 0) throw new AppError("NOT_FOUND", "This reset link has expired or was already used.");
    await tx.verificationToken.deleteMany({ where: { identifier: link.identifier } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId } });
  });
}
