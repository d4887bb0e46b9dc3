import type { PendingOperation } from "@labctl/core";
import type { EngineEvent } from "@labctl/sdk";
import type { Deployment } from "@pulumi/pulumi/automation";
import type { OperationOptions, StackHandle } from "./driver";

/** A resource operation an interrupted run left unfinished (its object may exist, unrecorded). */

interface RawPendingOperation {
  type?: string;
  resource?: { urn?: string; type?: string };
}

/** The state without its pending operations, and what was dropped. Does not modify `state`. */
export function clearPendingOperations(state: Deployment): {
  state: Deployment;
  cleared: PendingOperation[];
} {
  const raw: RawPendingOperation[] = state.deployment?.pending_operations ?? [];
  const cleared = raw.map((op) => ({
    operation: op.type ?? "unknown",
    type: op.resource?.type ?? "unknown",
    name: op.resource?.urn?.slice(op.resource.urn.lastIndexOf("::") + 2) ?? "unknown",
  }));
  const { pending_operations: _dropped, ...deployment } = state.deployment ?? {};
  return { state: { ...state, deployment }, cleared };
}

/**
 * Repairs a stack an interrupted run left locked or inconsistent: `pulumi cancel` (releases the
 * lock), drop pending operations from the exported state, import it back, then refresh so the
 * state matches what really exists. Objects a dropped "creating" operation made are not in the
 * state afterwards; teardown and `labctl gc` find them by label.
 */
export async function repairStack(
  stack: StackHandle,
  opts: OperationOptions & { onStep?: (event: EngineEvent) => void },
): Promise<PendingOperation[]> {
  const step = (message: string) => opts.onStep?.({ kind: "step", message });
  step("Releasing the stack lock");
  await stack.cancel().catch(() => undefined); // fails when no update holds the lock: nothing to release
  const { state, cleared } = clearPendingOperations(await stack.exportState());
  if (cleared.length > 0) {
    step(`Clearing ${cleared.length} pending operation(s) left by an interrupted run`);
    await stack.importState(state);
  }
  step("Refreshing the state from what really exists");
  await stack.refresh({ onEvent: opts.onEvent, signal: opts.signal });
  return cleared;
}
