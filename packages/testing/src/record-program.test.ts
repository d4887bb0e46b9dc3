import type { ProgramContext } from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";
import { type RecordedProgram, recordProgram } from "./record-program";

/** A provider resource (the real ones are too: CustomResource itself is abstract). */
class TestResource extends pulumi.CustomResource {}

// A two-resource program with the shape of a lab's: named and labelled through the context.
function program(ctx: ProgramContext) {
  const volume = new TestResource("test:index:Volume", "data", { name: ctx.name("data") });
  const box = new TestResource(
    "test:index:Box",
    "box",
    { name: ctx.name("box"), labels: ctx.labels, image: ctx.image("box"), volume: volume.id },
    { deleteBeforeReplace: true },
  );
  return { box: box.id, url: `http://${ctx.bindAddress}:${ctx.port("box")}/` };
}

let run: RecordedProgram<ReturnType<typeof program>>;
let loadedAfterMocks = false;

beforeAll(async () => {
  run = await recordProgram(
    { lab: "tp99", images: { box: "mirror.test/box:1" }, ports: { box: 18999 } },
    () => {
      loadedAfterMocks = pulumi.runtime.hasMonitor();
      return { default: program };
    },
  );
});

describe("recordProgram", () => {
  it("loads the program once the mocks are installed", () => {
    expect(loadedAfterMocks).toBe(true);
  });

  it("records every resource with core's names, the environment's labels and options", () => {
    expect([...run.resources.keys()]).toEqual(["data", "box"]);
    expect(run.resource("box")).toMatchObject({
      type: "test:index:Box",
      inputs: { name: "tp99-alice-box", image: "mirror.test/box:1", volume: "data-id" },
      deleteBeforeReplace: true,
      dependencies: ["data"],
    });
    expect(run.resource("box").inputs.labels).toMatchObject({
      "dev.labctl.lab": "tp99",
      "dev.labctl.student": "alice",
      "dev.labctl.class": "default",
    });
  });

  it("gives the program's outputs raw and resolved", () => {
    expect(run.raw.url).toBe("http://127.0.0.1:18999/");
    expect(run.outputs).toEqual({ box: "box-id", url: "http://127.0.0.1:18999/" });
  });

  it("names the resources there are when asked for one the program did not declare", () => {
    expect(() => run.resource("web")).toThrow("no resource web; have data, box");
  });
});
