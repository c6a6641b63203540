import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const required = (label: string) => ({
  error: (issue: { input: unknown }) => (issue.input ? undefined : `${label} is required`),
});

export const emailSchema = z
  .string(required("Email"))
  .trim()
  .min(1, "Email is required")
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string(required("Password"))
  .min(1, "Password is required")
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Password must be at most 200 characters");

export const hunterNameSchema = z
  .string(required("Hunter name"))
  .trim()
  .min(1, "Hunter name is required")
  .min(3, "Hunter name must be at least 3 characters")
  .max(24, "Hunter name must be at most 24 characters")
  .regex(/^[\p{L}\p{N}_ -]+$/u, "Use letters, numbers, spaces, hyphens and underscores only");

export const timeZoneSchema = z
  .string(required("Time zone"))
  .trim()
  .min(1, "Time zone is required")
  .refine(isTimeZone, "Unknown time zone");

export const signUpSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  hunterName: hunterNameSchema,
  timeZone: timeZoneSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Password is required").max(200),
});

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

export const resetPasswordSchema = z.strictObject({
  token: z.string().min(1, "This reset link is incomplete").max(200),
  password: passwordSchema,
});

/** How long a sign-up link works (when mail is configured, sign-up confirms the address by mail). */
export const SIGN_UP_LINK_HOURS = 24;

/** Finishing a sign-up from the link mailed to confirm the address: the password chosen at sign-up again. */
export const confirmSignUpSchema = z.strictObject({
  token: z.string(required("The link's token")).min(1, "This sign-up link is incomplete").max(200),
  password: z.string(required("Password")).min(1, "Password is required").max(200),
});

const currentPasswordSchema = z
  .string(required("Your current password"))
  .min(1, "Your current password is required")
  .max(200);

/** Settings → Account: the sign-in email, after the current password. */
export const changeEmailSchema = z.strictObject({ email: emailSchema, currentPassword: currentPasswordSchema });

/** Settings → Account: a new password, after the current one. */
export const changePasswordSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});

/** The error next-auth reports to the sign-in form when sign-in attempts are rate limited. */
export const RATE_LIMITED_SIGN_IN = "RATE_LIMITED";
