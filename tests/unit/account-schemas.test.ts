import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/accounts/schemas";
import { fieldErrorsOf } from "@/lib/validation";

const valid = {
  email: "Jin.Woo@Example.com ",
  password: "a-long-password",
  hunterName: "Sung Jin-Woo",
  timeZone: "Asia/Seoul",
};

function errorsFor(input: Record<string, unknown>) {
  const result = signUpSchema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return fieldErrorsOf(result.error);
}

describe("signUpSchema", () => {
  it("normalises the email and accepts a valid sign-up", () => {
    expect(signUpSchema.parse(valid)).toEqual({ ...valid, email: "jin.woo@example.com" });
  });

  it.each([
    ["email", "not-an-email", "Enter a valid email address"],
    ["email", "", "Email is required"],
    ["password", "short", "Password must be at least 10 characters"],
    ["password", "", "Password is required"],
    ["hunterName", "", "Hunter name is required"],
    ["hunterName", "ab", "Hunter name must be at least 3 characters"],
    ["hunterName", "<script>", "Use letters, numbers, spaces, hyphens and underscores only"],
    ["timeZone", "Mars/Olympus_Mons", "Unknown time zone"],
    ["timeZone", "", "Time zone is required"],
  ])("rejects %s = %j with “%s”", (field, value, message) => {
    expect(errorsFor({ ...valid, [field]: value })[field]).toBe(message);
  });

  it("reports every missing field", () => {
    expect(errorsFor({})).toEqual({
      email: "Email is required",
      password: "Password is required",
      hunterName: "Hunter name is required",
      timeZone: "Time zone is required",
    });
  });

  it("rejects unknown fields", () => {
    expect(signUpSchema.safeParse({ ...valid, xp: 1_000_000 }).success).toBe(false);
  });
});
