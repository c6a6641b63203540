import { describe, expect, it } from "vitest";
import { awakeningText } from "@/app/(onboarding)/awakening/awakening-text";

describe("the Awakening's message", () => {
  it("lists every unlock with its reward and names the job with the right article", () => {
    expect(awakeningText([{ name: "The Awakened", reward: { gold: 100 } }], "Assassin")).toBe(
      "[SYSTEM] Achievement unlocked: The Awakened (+100 gold). Your Job Change is complete: you are an Assassin.",
    );
    expect(
      awakeningText(
        [
          { name: "The Awakened", reward: { gold: 100 } },
          { name: "Quick Study", reward: { xp: 1_000, gold: 250 } },
        ],
        "Tank",
      ),
    ).toBe(
      "[SYSTEM] Achievements unlocked: The Awakened (+100 gold), Quick Study (+1,000 XP, +250 gold). Your Job Change is complete: you are a Tank.",
    );
    expect(awakeningText([], "Mage")).toBe("[SYSTEM] Your Job Change is complete: you are a Mage.");
  });
});
