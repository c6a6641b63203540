import { randomBytes } from "node:crypto";
import type { SignUpInput } from "@/lib/accounts/schemas";

/** A unique, valid sign-up; override any field. */
export function makeSignUp(overrides: Partial<SignUpInput> = {}): SignUpInput {
  const id = randomBytes(4).toString("hex");
  return {
    email: `hunter-${id}@example.com`,
    password: "correct-horse-battery",
    hunterName: `Hunter ${id}`,
    timeZone: "Europe/London",
    ...overrides,
  };
}
