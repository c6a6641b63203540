"use client";
import { useState } from "react";
import { DangerButton } from "@/components/settings/danger-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { signOutTo } from "@/lib/auth/sign-out";
import { deleteAccountAction } from "@/lib/player/actions";

export function DeleteAccount({ hunterName }: { hunterName: string }) {
  const [confirming, setConfirming] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const form = useForm();

  function remove(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => deleteAccountAction({ confirmName }),
      () => signOutTo("/"),
    );
  }

  return (
    <div className="flex flex-col gap-3 border-t border-blood/40 pt-4">
      {confirming ? (
        <Form form={form} onSubmit={remove} noValidate className="flex flex-col gap-3">
          <p className="text-[#ff6680]">
            This deletes your Hunter, quests and history for good. Type <strong>{hunterName}</strong> to confirm.
          </p>
          <Field
            label="Hunter name"
            name="confirmName"
            value={confirmName}
            autoComplete="off"
            onChange={(e) => setConfirmName(e.target.value)}
            error={form.errors.confirmName ?? (form.message?.error ? form.message.text : undefined)}
          />
          <div className="flex flex-wrap gap-2">
            <DangerButton type="submit" disabled={form.pending}>
              {form.pending ? "Deleting…" : "Delete my account"}
            </DangerButton>
            <Button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <DangerButton type="button" onClick={() => setConfirming(true)}>
          Delete account…
        </DangerButton>
      )}
    </div>
  );
}
