import { z } from "zod";

export const exportQuerySchema = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });
