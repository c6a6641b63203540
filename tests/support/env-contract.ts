// What lib/env.ts requires, derived from its schema rather than copied: the deployment manifests (compose,
// Kubernetes, Terraform) are checked against this, so a variable added to the schema cannot be forgotten there.
import { envSchema } from "@/lib/env";

/** The variables a production server refuses to start without: those an empty production environment lacks. */
export function requiredInProduction(): string[] {
  const result = envSchema.safeParse({ NODE_ENV: "production" });
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].sort();
}

/** Every variable the schema knows. */
export const knownVariables = Object.keys(envSchema.shape);

/** Names that hold secrets: never a literal value in a manifest. */
export const isSecretName = (name: string) => /SECRET|TOKEN|PASSWORD|SIGNING_KEY|DATABASE_URL/.test(name);
