import type { EngineEvent, ResourceAction, ResourceChange } from "@labctl/sdk";
import type * as automation from "@pulumi/pulumi/automation";

const ACTIONS: Record<automation.OpType, ResourceAction> = {
  same: "same",
  create: "create",
  import: "create",
  "import-replacement": "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  "discard-replaced": "replace",
  "remove-pending-replace": "replace",
  delete: "delete",
  discard: "delete",
  read: "read",
  "read-replacement": "read",
  refresh: "read",
};

const SEVERITY: Record<automation.DiagnosticEvent["severity"], "info" | "warning" | "error"> = {
  info: "info",
  "info#err": "info",
  warning: "warning",
  error: "error",
};

/** The stack itself and provider instances are Pulumi bookkeeping, not objects a student sees. */
const isInternal = (type: string) => type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:");

/** Logical name: the URN's last `::` segment. */
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** Pulumi's colour markup (`<{%reset%}>`) left in messages when colours are off. */
const plain = (text: string) => text.replace(/<\{%[^%]*%\}>/g, "").trim();

/** Our progress event for one Automation API event; undefined for those we do not show. */
export function toEngineEvent(event: automation.EngineEvent): EngineEvent | undefined {
  const step = event.resourcePreEvent ?? event.resOutputsEvent ?? event.resOpFailedEvent;
  if (step) {
    const { op, type, urn } = step.metadata;
    if (isInternal(type)) return undefined;
    const phase = event.resourcePreEvent ? "start" : event.resOutputsEvent ? "done" : "failed";
    return { kind: "resource", action: ACTIONS[op] ?? "update", type, name: nameOf(urn), phase };
  }
  const diagnostic = event.diagnosticEvent;
  if (diagnostic) {
    const message = plain(diagnostic.message);
    if (message.length === 0) return undefined;
    return { kind: "diagnostic", severity: SEVERITY[diagnostic.severity] ?? "info", message };
  }
  return undefined;
}

/**
 * Forwards mapped events to the caller and remembers the last action per resource, which is
 * the operation's list of changes.
 */
export class EventLog {
  private readonly byName = new Map<string, ResourceChange>();

  constructor(private readonly onEvent?: (event: EngineEvent) => void) {}

  readonly handle = (event: automation.EngineEvent): void => {
    const mapped = toEngineEvent(event);
    if (!mapped) return;
    if (mapped.kind === "resource" && mapped.phase !== "failed") {
      this.byName.set(`${mapped.type}::${mapped.name}`, {
        action: mapped.action,
        type: mapped.type,
        name: mapped.name,
      });
    }
    this.onEvent?.(mapped);
  };

  changes(): ResourceChange[] {
    return [...this.byName.values()];
  }
}
