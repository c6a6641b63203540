"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { updatePlayerAction } from "@/lib/player/actions";

/** The name on the status window and the leaderboards: unique, look-alike letters included. */
export function HunterNameForm({ hunterName }: { hunterName: string }) {
  const [name, setName] = useState(hunterName);
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => updatePlayerAction({ hunterName: name }),
      () => ({ text: `[SYSTEM] You are now known as ${name.trim()}.`, error: false }),
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <Field
        label="Your Hunter's name"
        name="hunterName"
        value={name}
        autoComplete="nickname"
        onChange={(e) => setName(e.target.value)}
        error={form.errors.hunterName}
      />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending || name.trim() === hunterName}>
        {form.pending ? "Saving…" : "Rename"}
      </Button>
    </Form>
  );
}
