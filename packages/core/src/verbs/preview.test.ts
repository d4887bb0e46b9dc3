import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineLab } from "@labctl/sdk";
import type { Engine, EnvironmentSpec } from "../engine/types";
import { resolveHome } from "../home/labctl-home";
import { withEnvironmentLock } from "../state/environment-lock";
import { preview } from "./preview";

const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-preview-")) });

const lab = defineLab({
  id: "tp99",
  title: { en: "t", fr: "t" },
  platform: "docker",
  images: {},
  ports: [],
  secrets: ["dbPassword", "rootPassword"],
  program: async () => ({ default: () => ({}) }),
  checks: [],
  handout: "README.md",
});

describe("preview", () => {
  it("runs the pre-flight, then the engine's preview with placeholders for secrets not generated yet", async () => {
    const calls: string[] = [];
    let seen: EnvironmentSpec | undefined;
    const engine = {
      name: "docker",
      preflight: async () => void calls.push("preflight"),
      preview: async (spec: EnvironmentSpec) => {
        calls.push("preview");
        seen = spec;
        return { changes: [{ action: "create", type: "docker:index/network:Network", name: "network" }] };
      },
    } as unknown as Engine;
    const spec = {
      lab,
      student: { id: "alice", name: "Alice" },
      classId: "default",
      secrets: { rootPassword: "kept" },
    } as unknown as EnvironmentSpec;
    const summary = await preview(home, engine, spec);
    expect(calls).toEqual(["preflight", "preview"]);
    expect(seen?.secrets).toEqual({ dbPassword: "preview-dbPassword", rootPassword: "kept" });
    expect(summary).toEqual({
      lab: "tp99",
      student: "alice",
      classId: "default",
      engine: "docker",
      changes: [{ action: "create", type: "docker:index/network:Network", name: "network" }],
    });
  });

  it("waits for no one: a preview while the environment is locked is refused with exit 75", async () => {
    const engine = { name: "docker", preflight: jest.fn(), preview: jest.fn() } as unknown as Engine;
    const spec = {
      lab,
      student: { id: "bob", name: "Bob" },
      classId: "default",
      secrets: {},
    } as unknown as EnvironmentSpec;
    await withEnvironmentLock(home, { classId: "default", lab: "tp99", student: "bob" }, "up", async () => {
      await expect(preview(home, engine, spec)).rejects.toMatchObject({ exitCode: 75, code: "LOCKED" });
    });
    expect(engine.preflight).not.toHaveBeenCalled();
  });
});
