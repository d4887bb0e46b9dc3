import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "./program-runner";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mocks that take `delay` ms per resource and log when each starts and ends. */
function recordingMocks(log: string[], delay = 20): pulumi.runtime.Mocks {
  return {
    newResource: async (args) => {
      log.push(`start ${args.name}`);
      await sleep(delay);
      log.push(`done ${args.name}`);
      return { id: `${args.name}-id`, state: { ...args.inputs, out: `${args.name}-out` } };
    },
    call: () => ({}),
  };
}

class Thing extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, { out: undefined, ...props }, opts);
  }
}

const res = (name: string, props: Record<string, unknown> = {}, opts?: pulumi.CustomResourceOptions) =>
  new Thing(name, props, opts);

const run = (program: () => unknown, log: string[], onDiagnostic?: (s: string, m: string) => void) =>
  runProgram({ program, project: "p", stack: "s", preview: false, mocks: recordingMocks(log), onDiagnostic });

describe("runProgram", () => {
  it("registers a resource only after the ones it dependsOn have settled", async () => {
    const log: string[] = [];
    await run(() => {
      const db = res("db");
      res("app", {}, { dependsOn: [db] });
      res("other");
    }, log);
    const things = log.filter((line) => !line.includes("p-s"));
    expect(things.indexOf("start app")).toBeGreaterThan(things.indexOf("done db"));
    expect(things.indexOf("start other")).toBeLessThan(things.indexOf("done db"));
  });

  it("resolves nested outputs to plain values, secrets in clear", async () => {
    const outputs = await run(() => {
      const db = res("db");
      return {
        url: pulumi.interpolate`http://${db.id}:80`,
        password: pulumi.secret("s3cret"),
        nested: { list: [db.urn.apply(() => 1), 2] },
      };
    }, []);
    expect(outputs).toEqual({ url: "http://db-id:80", password: "s3cret", nested: { list: [1, 2] } });
  });

  it("waits for registrations the outputs do not reference", async () => {
    const log: string[] = [];
    await run(() => {
      res("background");
      return {};
    }, log);
    expect(log).toContain("done background");
  });

  it("rejects with the program's error and leaves the runtime usable", async () => {
    await expect(
      run(() => {
        throw new Error("lab bug");
      }, []),
    ).rejects.toThrow("lab bug");
    await expect(run(() => ({ ok: true }), [])).resolves.toEqual({ ok: true });
  });

  it("runs one program at a time", async () => {
    const log: string[] = [];
    await Promise.all([run(() => void res("first"), log), run(() => void res("second"), log)]);
    const things = log.filter((line) => !line.includes("p-s"));
    expect(things).toEqual(["start first", "done first", "start second", "done second"]);
  });

  it("turns program log messages into diagnostics", async () => {
    const seen: string[] = [];
    await run(
      () => {
        pulumi.log.warn("careful");
        return {};
      },
      [],
      (severity, message) => seen.push(`${severity}: ${message}`),
    );
    expect(seen).toContain("warning: careful");
  });

  it("fails a program that logged an error, with the message", async () => {
    await expect(
      run(() => {
        pulumi.log.error("no image for role db");
        return {};
      }, []),
    ).rejects.toThrow("the program logged errors: no image for role db");
  });
});
