import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { finished, spawnTs } from "../state/test-support/spawn-ts";
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
  declare readonly out: pulumi.Output<string>;
  declare readonly from: pulumi.Output<string>;
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

  it("runs programs at once, each in its own runtime: own resources, project, stack and dry-run flag", async () => {
    const runs = Array.from({ length: 8 }, (_, i) => {
      const seen: string[] = [];
      const mocks: pulumi.runtime.Mocks = {
        newResource: async (args) => {
          seen.push(args.name);
          await sleep(5 + ((i * 7) % 30));
          return { id: `${args.name}-id`, state: { ...args.inputs, out: `${args.name}-out` } };
        },
        call: () => ({}),
      };
      const program = () => {
        const first = res(`a${i}`);
        const second = res(`b${i}`, { from: first.out });
        return {
          out: second.out,
          from: second.from,
          where: `${pulumi.getProject()}/${pulumi.getStack()}/${pulumi.runtime.isDryRun()}`,
        };
      };
      const outputs = runProgram({ program, project: `p${i}`, stack: `s${i}`, preview: i % 2 === 0, mocks });
      return { seen, outputs };
    });
    const outputs = await Promise.all(runs.map((r) => r.outputs));
    outputs.forEach((out, i) => {
      expect(out).toEqual({ out: `b${i}-out`, from: `a${i}-out`, where: `p${i}/s${i}/${i % 2 === 0}` });
      expect(runs[i]?.seen.filter((name) => !name.includes("-s"))).toEqual([`a${i}`, `b${i}`]);
    });
  });

  // In a separate process: jest handles unhandled rejections itself, and this is about Node's own
  // handling (a rejection goes to the run whose async context made it).
  it("blames each failure on its own run only, while healthy runs beside it succeed", async () => {
    const out = JSON.parse(
      await finished(spawnTs(join(__dirname, "test-support", "failing-runs-child.ts"), [])),
    );
    expect(out.failures[0]).toContain("program throws");
    expect(out.failures[1]).toContain("registration of bad rejected");
    expect(out.failures[2]).toContain("logged error");
    expect(out.failures[3]).toContain("apply throws");
    expect(out.healthy).toEqual([0, 1, 2, 3].map((i) => ({ out: `good${i}-out` })));
    // A rejection that arrived after its run had ended stayed with it: the process went on.
    expect(out.afterLate).toEqual({ again: true });
  }, 30_000);

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
