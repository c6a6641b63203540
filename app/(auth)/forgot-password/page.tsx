import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <Panel title="Forgot password">
      <ForgotPasswordForm />
    </Panel>
  );
}
