import { z } from "zod";
import type { CheckOutcome, VerifyReport } from "./report-types";

/** A stored check outcome, as `verify --json` and verify.json carry it. */
export const checkOutcomeSchema: z.ZodType<CheckOutcome> = z.object({
  id: z.string(),
  title: z.string(),
  points: z.number(),
  earned: z.number(),
  status: z.enum(["pass", "fail", "error", "skipped"]),
  message: z.string(),
  hint: z.string(),
  attempts: z.number(),
  durationMs: z.number(),
  engineUnreachable: z.boolean().optional(),
});

/** A stored verify report. */
export const verifyReportSchema: z.ZodType<VerifyReport> = z.object({
  lab: z.string(),
  student: z.string(),
  classId: z.string(),
  status: z.enum(["pass", "fail", "error"]),
  earned: z.number(),
  total: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
  checks: z.array(checkOutcomeSchema),
});
