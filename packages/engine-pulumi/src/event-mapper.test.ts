import type { EngineEvent } from "@labctl/sdk";
import type * as automation from "@pulumi/pulumi/automation";
import { EventLog, toEngineEvent } from "./event-mapper";

const container = "docker:index/container:Container";
const urn = (type: string, name: string) => `urn:pulumi:alice::tp03::${type}::${name}`;
const metadata = (op: automation.OpType, type = container, name = "tp03-alice-ghost") => ({
  op,
  type,
  urn: urn(type, name),
  provider: "",
});
const event = (extra: Partial<automation.EngineEvent>): automation.EngineEvent => ({
  sequence: 1,
  timestamp: 0,
  ...extra,
});

describe("toEngineEvent", () => {
  it("maps resource steps to start, done and failed with our action names", () => {
    expect(toEngineEvent(event({ resourcePreEvent: { metadata: metadata("create") } }))).toEqual({
      kind: "resource",
      action: "create",
      type: container,
      name: "tp03-alice-ghost",
      phase: "start",
    });
    expect(
      toEngineEvent(event({ resOutputsEvent: { metadata: metadata("create-replacement") } })),
    ).toMatchObject({
      action: "replace",
      phase: "done",
    });
    expect(
      toEngineEvent(event({ resOpFailedEvent: { metadata: metadata("delete"), status: 1, steps: 1 } })),
    ).toMatchObject({ action: "delete", phase: "failed" });
  });

  it("hides the stack resource and provider instances", () => {
    expect(
      toEngineEvent(
        event({ resourcePreEvent: { metadata: metadata("create", "pulumi:pulumi:Stack", "tp03-alice") } }),
      ),
    ).toBeUndefined();
    expect(
      toEngineEvent(
        event({ resourcePreEvent: { metadata: metadata("create", "pulumi:providers:docker", "default") } }),
      ),
    ).toBeUndefined();
  });

  it("maps diagnostics without colour markup and drops empty ones", () => {
    const diagnostic = (message: string, severity: automation.DiagnosticEvent["severity"]) =>
      event({ diagnosticEvent: { message, severity, color: "never" } });
    expect(toEngineEvent(diagnostic("<{%fg 1%}>error: port is taken<{%reset%}>\n", "error"))).toEqual({
      kind: "diagnostic",
      severity: "error",
      message: "error: port is taken",
    });
    expect(toEngineEvent(diagnostic("pulling image", "info#err"))).toMatchObject({ severity: "info" });
    expect(toEngineEvent(diagnostic("  \n", "warning"))).toBeUndefined();
  });

  it("ignores events we do not show", () => {
    expect(
      toEngineEvent(event({ stdoutEvent: { message: "Updating (alice)", color: "never" } })),
    ).toBeUndefined();
  });
});

describe("EventLog", () => {
  it("forwards events and keeps the last action per resource as the changes", () => {
    const seen: EngineEvent[] = [];
    const log = new EventLog((e) => seen.push(e));
    log.handle(event({ resourcePreEvent: { metadata: metadata("create") } }));
    log.handle(event({ resOutputsEvent: { metadata: metadata("create") } }));
    log.handle(event({ resOutputsEvent: { metadata: metadata("same", container, "tp03-alice-mysql") } }));
    log.handle(
      event({
        resOpFailedEvent: {
          metadata: metadata("update", container, "tp03-alice-mysql"),
          status: 1,
          steps: 1,
        },
      }),
    );
    expect(seen).toHaveLength(4);
    expect(log.changes()).toEqual([
      { action: "create", type: container, name: "tp03-alice-ghost" },
      { action: "same", type: container, name: "tp03-alice-mysql" },
    ]);
  });
});
