// Child of program-runner.test.ts (run by ts-child.js): four failing programs and four healthy
// ones at once, then a run whose rejection arrives after it ended; prints what each run gave.
import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "../program-runner";

class Thing extends pulumi.CustomResource {
  declare readonly out: pulumi.Output<string>;
  constructor(name: string, props: Record<string, unknown> = {}) {
    super("test:index:Thing", name, { out: undefined, ...props });
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mocks = (): pulumi.runtime.Mocks => ({
  newResource: async (args) => {
    await sleep(10);
    if (args.inputs.fail) throw new Error(`registration of ${args.name} rejected`);
    return { id: `${args.name}-id`, state: { ...args.inputs, out: `${args.name}-out` } };
  },
  call: () => ({}),
});
const run = (stack: string, program: () => unknown) =>
  runProgram({ program, project: "p", stack, preview: false, mocks: mocks() });

const failing: (() => unknown)[] = [
  () => {
    throw new Error("program throws");
  },
  () => new Thing("bad", { fail: true }),
  () => {
    pulumi.log.error("logged error");
    return {};
  },
  () => ({
    out: new Thing("ok").out.apply(() => {
      throw new Error("apply throws");
    }),
  }),
];

async function main() {
  const results = await Promise.allSettled([
    ...failing.map((program, i) => run(`bad${i}`, program)),
    ...[0, 1, 2, 3].map((i) => run(`good${i}`, () => ({ out: new Thing(`good${i}`).out }))),
  ]);
  const text = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? String(r.reason) : "ok");
  const late = sleep(50);
  await run("late", () => {
    void late.then(() => Promise.reject(new Error("late rejection")));
    return {};
  });
  await sleep(100);
  const afterLate = await run("after", () => ({ again: true }));
  process.stdout.write(
    JSON.stringify({
      failures: results.slice(0, 4).map(text),
      healthy: results.slice(4).map((r) => (r.status === "fulfilled" ? r.value : text(r))),
      afterLate,
    }),
  );
}

void main();
