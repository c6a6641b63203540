"use client";
import { useState } from "react";
import { Choice } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { useForm } from "@/components/ui/use-form";
import { updatePlayerAction } from "@/lib/player/actions";

/**
 * The AI opt-in (docs/rules.md "The System speaks"): off by default, saved as soon as it is switched. Says plainly
 * what would leave the server, and when the server has no key at all.
 */
export function VoiceSection({ aiOptIn, available }: { aiOptIn: boolean; available: boolean }) {
  const [on, setOn] = useState(aiOptIn);
  const form = useForm();

  function toggle(next: boolean) {
    setOn(next);
    form.run(
      async () => {
        const result = await updatePlayerAction({ aiOptIn: next });
        if (!result.ok) setOn(!next);
        return result;
      },
      () => ({
        text: !next
          ? "[SYSTEM] Only the System's plain voice will speak."
          : available
            ? "[SYSTEM] The System will speak through OpenAI. Your next weekly report is being prepared."
            : "[SYSTEM] Saved. The System will speak through OpenAI once this server has a key.",
        error: false,
      }),
    );
  }

  return (
    <div className="flex flex-col gap-3" aria-busy={form.pending}>
      <Choice
        type="checkbox"
        name="aiOptIn"
        label="Let the System speak through OpenAI"
        checked={on}
        onChange={toggle}
      />
      <p className="text-sm text-mist">
        Off, every report, suggestion and quest draft comes from the System&apos;s built-in voice. On, the weekly report
        and &ldquo;Describe your quest&rdquo; are written by OpenAI from your week&apos;s totals and your quest titles
        only: never your email, hunter name or notes. Every number still comes from the System.
      </p>
      {!available && (
        <p className="text-sm text-amber-300">This server has no OpenAI key: the built-in voice answers either way.</p>
      )}
      <SystemStatus message={form.message} />
    </div>
  );
}
