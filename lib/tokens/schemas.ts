import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";

export const TOKEN_DEFAULT_EXPIRY_DAYS = 90;

export const createTokenSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Password is required").max(200),
  name: z.string().trim().min(1, "Name the token").max(50),
  // Days until the token stops working; null for a token that never expires.
  expiresInDays: z.int().min(1).max(3_650).nullable().default(TOKEN_DEFAULT_EXPIRY_DAYS),
});

export type TokenSummary = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};
