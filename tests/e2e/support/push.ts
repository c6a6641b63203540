// The e2e server's Web Push settings (playwright.config.ts) and where the test's local push service listens.
import { E2E_BASE_URL } from "../../support/browser.mjs";

/** Test-only VAPID keys (npx web-push generate-vapid-keys): they sign pushes to a local service and nothing else. */
export const E2E_VAPID = {
  VAPID_PUBLIC_KEY: "BERSiCT7zYhCjI47xvmqQ8FEoq-qfIxlGvZp8Blvhg_Ty7R5nrvbhqlI7ooyP_uF6-Euty41OoiADRU8T17iAqY",
  VAPID_PRIVATE_KEY: "47p7Hqjj-YajvZp5NjOA0Idpqtn2oCj7MFlLMAcsGbc",
  VAPID_SUBJECT: "mailto:e2e@thesystem.app",
};

/** The local push service (tests/support/push-service.mjs) listens beside the app's port. */
export const E2E_PUSH_PORT = Number(new URL(E2E_BASE_URL).port) + 10;
export const E2E_PUSH_ORIGIN = `http://127.0.0.1:${E2E_PUSH_PORT}`;
