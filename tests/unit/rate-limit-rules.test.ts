import { describe, expect, it } from "vitest";
import { waitText } from "@/lib/rate-limit/rules";

describe("waitText", () => {
  it.each([
    [0, "1 second"],
    [1_500, "2 seconds"],
    [59_000, "59 seconds"],
    [60_000, "1 minute"],
    [61_000, "2 minutes"],
    [3_599_000, "60 minutes"],
    [3_600_000, "1 hour"],
    [5_400_000, "2 hours"],
  ])("%i ms reads as %s", (ms, text) => {
    expect(waitText(ms)).toBe(text);
  });
});
