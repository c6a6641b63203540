import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Panel title="New password">
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </Panel>
  );
}
