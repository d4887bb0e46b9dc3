import type { Check, CheckResult, LabOutputs } from "@labctl/sdk";
import { type FakeCheckContextOptions, fakeCheckContext } from "./fake-check-context";

/** Runs a check against a fake environment, some of its tables replaced. */
export type CheckRunner<O extends LabOutputs> = (
  check: Check<O>,
  over?: Partial<FakeCheckContextOptions<O>>,
) => Promise<CheckResult>;

/**
 * A lab's check runner: each call builds a fresh healthy environment (so a test cannot leak
 * its changes into the next), replaces the tables the test gives, and runs the check once.
 */
export function checkRunner<O extends LabOutputs>(healthy: () => FakeCheckContextOptions<O>): CheckRunner<O> {
  return (check, over = {}) => check.run(fakeCheckContext({ ...healthy(), ...over }));
}
