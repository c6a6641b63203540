import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { confirmSignUpSchema, SIGN_UP_LINK_HOURS } from "@/lib/accounts/schemas";
import { checkSignUp, conflict, createAccount, insertAccount, type AccountSummary } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { mailConfigured, sendMailAfterReply, type Mail } from "@/lib/mail/service";
import { hashToken } from "@/lib/secrets";
import { fieldErrorsOf } from "@/lib/validation";

/** The one reply to a sign-up when mail is configured, whether or not the email has an account. */
export const CONFIRM_EMAIL = { status: "CONFIRM_EMAIL", message: "Check your email to finish signing up" } as const;

export type SignUpReply = { status: "CREATED"; account: AccountSummary } | typeof CONFIRM_EMAIL;

const EXPIRED = "This sign-up link has expired or was already used. Sign up again to get a new one.";

const linkTo = (path: string) => new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();

/**
 * Sign-up, through the form and the API alike. Without mail (no SMTP_URL) the account is created at once and a taken
 * email is a 409: there is no way to reach its owner instead. With mail, the reply never tells whether the email has
 * an account: after the same checks and the same work (the password hashed, one write), both get CONFIRM_EMAIL; a
 * new email is mailed a link that creates the account (confirmSignUp), an existing one's owner a notice. The mail
 * goes out after the reply (not awaited), so neither its time nor its failure tells the cases apart.
 * The hunter name is public (the leaderboard), so a taken name is still a 409.
 */
export async function signUp(
  raw: unknown,
  options: { limit?: () => Promise<void>; now?: Date } = {},
): Promise<SignUpReply> {
  if (!mailConfigured()) return { status: "CREATED", account: await createAccount(raw, options) };
  const now = options.now ?? new Date();
  const { email, password, hunterName, timeZone, nameKey } = await checkSignUp(raw, options.limit);
  const [owner, nameTaken] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true } }),
    db.player.findUnique({ where: { hunterNameKey: nameKey }, select: { id: true } }),
  ]);
  if (nameTaken) throw conflict(false, true);

  // Hashed either way: argon2id is most of a sign-up's time, so skipping it for a taken email would time-tell.
  const passwordHash = await hashPassword(password);
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + SIGN_UP_LINK_HOURS * 3_600_000);
  const pending = { tokenHash: hashToken(token), passwordHash, hunterName, timeZone, expires, createdAt: now };
  // One transaction of two statements either way: expired sign-ups swept, then this email's pending sign-up
  // replaced (a new email: a fresh link; the first link stops working) or cleared (it has an account already).
  await db.$transaction([
    db.pendingSignUp.deleteMany({ where: { expires: { lte: now } } }),
    owner
      ? db.pendingSignUp.deleteMany({ where: { email } })
      : db.pendingSignUp.upsert({ where: { email }, create: { email, ...pending }, update: pending }),
  ]);
  sendMailAfterReply(owner ? ownerNotice(email) : confirmationMail(email, token), "sign-up");
  return CONFIRM_EMAIL;
}

function confirmationMail(email: string, token: string): Mail {
  return {
    to: email,
    subject: "[SYSTEM] Confirm your email to awaken",
    text: [
      "Someone (hopefully you) signed up to The System with this address.",
      `Finish signing up here within ${SIGN_UP_LINK_HOURS} hours; the link works once:`,
      "",
      linkTo(`/sign-up/confirm?token=${token}`),
      "",
      "If it was not you, ignore this mail: no account is created.",
    ].join("\n"),
  };
}

function ownerNotice(email: string): Mail {
  return {
    to: email,
    subject: "[SYSTEM] Someone tried to sign up with your email",
    text: [
      "Someone tried to create an account with this address, which already has a Hunter.",
      "If it was you, sign in:",
      "",
      linkTo("/sign-in"),
      "",
      "or, if you forgot your password, reset it:",
      "",
      linkTo("/forgot-password"),
      "",
      "If it was not you, ignore this mail: nothing about your account changed.",
    ].join("\n"),
  };
}

/** What the confirmation page shows of a working link (the Hunter's own email and name), or null. */
export async function pendingSignUpOf(token: string, now: Date): Promise<{ email: string; hunterName: string } | null> {
  if (!token || token.length > 200) return null;
  const pending = await db.pendingSignUp.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, hunterName: true, expires: true },
  });
  return pending && pending.expires > now ? { email: pending.email, hunterName: pending.hunterName } : null;
}

/**
 * Finishes a sign-up from its mailed link: the password chosen at sign-up again (so the Hunter is signed in with it
 * next), then the user and Hunter are created and the link spent in one transaction. A hunter name (or the email)
 * taken since is a 409 that spends nothing.
 */
export async function confirmSignUp(
  raw: unknown,
  now: Date,
  options: { limit?: () => Promise<void> } = {},
): Promise<AccountSummary> {
  const parsed = confirmSignUpSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Check the password", fieldErrorsOf(parsed.error));
  await options.limit?.();
  const { token, password } = parsed.data;
  const pending = await db.pendingSignUp.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!pending || pending.expires <= now) throw new AppError("NOT_FOUND", EXPIRED);
  if (!(await verifyPassword(pending.passwordHash, password))) {
    throw new AppError("VALIDATION_FAILED", "Check the password", {
      password: "That is not the password you chose when signing up",
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      // Spent inside the transaction: two submissions of one link create one account.
      const { count } = await tx.pendingSignUp.deleteMany({ where: { id: pending.id, expires: { gt: now } } });
      if (count === 0) throw new AppError("NOT_FOUND", EXPIRED);
      return insertAccount(pending, tx);
    });
  } catch (error) {
    // No field of the confirmation form is to blame: the System says what happened.
    if (error instanceof AppError && error.code === "CONFLICT") {
      throw new AppError(
        "CONFLICT",
        error.fieldErrors?.email
          ? "An account with this email exists already: sign in instead"
          : `The hunter name ${pending.hunterName} was taken meanwhile: sign up again with another`,
      );
    }
    throw error;
  }
}
