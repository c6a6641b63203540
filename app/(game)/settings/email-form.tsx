"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { changeEmailAction } from "@/lib/accounts/actions";

/** The sign-in email, changed after the current password. */
export function EmailForm({ email }: { email: string }) {
  const [next, setNext] = useState(email);
  const [currentPassword, setCurrentPassword] = useState("");
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => changeEmailAction({ email: next, currentPassword }),
      () => {
        setCurrentPassword("");
        return { text: "[SYSTEM] Your sign-in email is changed.", error: false };
      },
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <Field
        label="Email"
        name="email"
        type="email"
        value={next}
        autoComplete="email"
        onChange={(e) => setNext(e.target.value)}
        error={form.errors.email}
      />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        value={currentPassword}
        autoComplete="current-password"
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={form.errors.currentPassword}
      />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change email"}
      </Button>
    </Form>
  );
}
