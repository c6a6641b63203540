"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SystemStatus } from "@/components/ui/system-status";
import { Form } from "@/components/ui/form";
import { useForm } from "@/components/ui/use-form";
import { createRewardAction } from "@/lib/shop/actions";

/** A treat of the Hunter's own, priced in gold ("Watch an episode", 50). */
export function RewardForm() {
  const [title, setTitle] = useState("");
  const [price, setPrice] = useState("");
  const form = useForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.run(
      () => createRewardAction({ title, price: Number(price) }),
      (reward) => {
        setTitle("");
        setPrice("");
        return { text: `[SYSTEM] '${reward.title}' is in the shop for ${reward.price} gold.`, error: false };
      },
    );
  }

  return (
    <Form form={form} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <Field
        label="Reward"
        name="title"
        value={title}
        placeholder="Watch an episode"
        onChange={(e) => setTitle(e.target.value)}
        error={form.errors.title}
      />
      <Field
        label="Price in gold"
        name="price"
        type="number"
        inputMode="numeric"
        min={1}
        value={price}
        placeholder="50"
        onChange={(e) => setPrice(e.target.value)}
        error={form.errors.price}
      />
      <SystemStatus message={form.message} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add reward"}
      </Button>
    </Form>
  );
}
