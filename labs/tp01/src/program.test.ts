import { studentMarker } from "@labctl/sdk";
import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";

/** What a resolved EnvironmentSpec would give tp01's program for student alice. */
const TEST_ENV = {
  lab: "tp01",
  images: { web: "mirror.test/nginx:1.27-alpine", hello: "mirror.test/hello-world:latest" } as Record<
    string,
    string
  >,
  ports: { web: 18100 },
  bindAddress: "127.0.0.1",
} satisfies TestEnvironment;
const { ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
let resources: RecordedProgram["resources"];
let outputs: RecordedProgram["outputs"];
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  const env = { ...TEST_ENV, studentName: "Alice <Admin>" };
  ({ resources, outputs, resource } = await recordProgram(env, () => require("./program")));
});

describe("tp01 program", () => {
  it("declares two images, two containers and the student's network, nothing else", () => {
    expect([...resources.keys()].sort()).toEqual(["hello", "hello-image", "network", "web", "web-image"]);
  });

  it("pulls both images from the image map and keeps them locally", () => {
    for (const role of ["web", "hello"]) {
      expect(resource(`${role}-image`)).toMatchObject({
        type: "docker:index/remoteImage:RemoteImage",
        inputs: { name: images[role], keepLocally: true },
      });
      expect(resource(role).inputs.image).toBe(`sha256:${role}-image`);
    }
  });

  it("puts both containers on the student's own labelled network, not the default bridge", () => {
    expect(resource("network").inputs).toMatchObject({ name: "tp01-alice-net", driver: "bridge" });
    expect(resource("web").inputs.networksAdvanced).toEqual([{ name: "tp01-alice-net", aliases: ["web"] }]);
    expect(resource("hello").inputs.networksAdvanced).toEqual([{ name: "tp01-alice-net" }]);
  });

  it("labels the network and both containers", () => {
    const expected = Object.entries(labels).map(([label, value]) => ({ label, value }));
    for (const name of ["network", "web", "hello"]) {
      expect(resource(name).inputs.labels).toEqual(expect.arrayContaining(expected));
    }
  });

  it("publishes nginx on the student's port and address, with a restart policy", () => {
    const web = resource("web").inputs;
    expect(web.name).toBe("tp01-alice-web");
    expect(web.ports).toEqual([{ internal: 80, external: ports.web, ip: "127.0.0.1", protocol: "tcp" }]);
    expect(web.restart).toBe("unless-stopped");
    expect(resource("web").deleteBeforeReplace).toBe(true);
  });

  it("uploads the student's page as nginx's index.html, name escaped", () => {
    const [upload, ...others] = resource("web").inputs.uploads;
    expect(others).toEqual([]);
    expect(upload.file).toBe("/usr/share/nginx/html/index.html");
    expect(upload.content).toContain(studentMarker("alice"));
    expect(upload.content).toContain("Hello, Alice &lt;Admin&gt;!");
    expect(upload.content).not.toContain("<Admin>");
  });

  it("runs hello-world once to completion and keeps it with its logs", () => {
    const hello = resource("hello").inputs;
    expect(hello).toMatchObject({ name: "tp01-alice-hello", attach: true, logs: true, mustRun: false });
    expect(hello.restart).toBeUndefined();
    expect(hello.ports).toBeUndefined();
    expect(hello.rm).toBeUndefined();
  });

  it("exports the URL, the container names and the network the checks use", () => {
    expect(outputs).toEqual({
      webUrl: `http://127.0.0.1:${ports.web}/`,
      webContainer: "tp01-alice-web",
      helloContainer: "tp01-alice-hello",
      network: "tp01-alice-net",
    });
  });
});
