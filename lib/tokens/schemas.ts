import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";

export const createTokenSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Password is required").max(200),
  name: z.string().trim().min(1, "Name the token").max(50),
});
