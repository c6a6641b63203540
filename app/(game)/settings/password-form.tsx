"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { changePasswordAction } from "@/lib/accounts/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/schemas";
import { signOutTo } from "@/lib/auth/sign-out";

/** A new password after the current one; every session ends with it, so the Hunter signs in again. */
export function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => changePasswordAction({ currentPassword, newPassword }),
      () => signOutTo("/sign-in?passwordChanged=1"),
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <Field
        label="Current password"
        // Not "currentPassword": the email form above has that id.
        name="passwordCurrent"
        type="password"
        value={currentPassword}
        autoComplete="current-password"
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={form.errors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        value={newPassword}
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common one. Every session ends: you sign in again.`}
        onChange={(e) => setNewPassword(e.target.value)}
        error={form.errors.newPassword}
      />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change password"}
      </Button>
    </Form>
  );
}
