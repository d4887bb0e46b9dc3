import { LABCTL_VERSION, objectName } from "@labctl/core";
import { labelsFor } from "@labctl/sdk";
import { testLabels, testProgramContext } from "./test-program-context";

const env = { lab: "tp99", images: { web: "mirror.test/nginx:1" }, ports: { web: 18990 } };

describe("testProgramContext", () => {
  it("names objects with core's naming function", () => {
    const ctx = testProgramContext(env);
    expect(ctx.name("web")).toBe(objectName("tp99", "alice", "web"));
    expect(testProgramContext({ ...env, studentId: "bob" }).name("db")).toBe("tp99-bob-db");
  });

  it("labels the environment as core does, version included", () => {
    const key = { lab: "tp99", student: "alice", classId: "default" };
    expect(testProgramContext(env).labels).toEqual(labelsFor(key, LABCTL_VERSION));
    expect(testLabels({ ...env, classId: "devops" })).toEqual({
      "dev.labctl.lab": "tp99",
      "dev.labctl.student": "alice",
      "dev.labctl.class": "devops",
      "dev.labctl.version": LABCTL_VERSION,
    });
  });

  it("serves declared images and ports, and refuses undeclared ones as the real context does", () => {
    const ctx = testProgramContext(env);
    expect(ctx.image("web")).toBe("mirror.test/nginx:1");
    expect(ctx.port("web")).toBe(18990);
    expect(() => ctx.port("db")).toThrow('undeclared port "db"');
    expect(() => ctx.secret("rootPassword")).toThrow('undeclared secret "rootPassword"');
  });
});

describe("testProgramContext's swarm", () => {
  it("passes the publishing mode through, absent when the test gives none", () => {
    expect(testProgramContext({ ...env, swarm: { mode: "mesh" } }).swarm).toEqual({ mode: "mesh" });
    expect(testProgramContext(env).swarm).toBeUndefined();
  });
});

describe("testProgramContext's kubernetes", () => {
  it("passes the cluster through, absent when the test gives none", () => {
    const kubernetes = { kubeconfigPath: "/tmp/kubeconfig", context: "kind-x", ingressClass: "nginx" };
    expect(testProgramContext({ ...env, kubernetes }).kubernetes).toEqual(kubernetes);
    expect(testProgramContext(env).kubernetes).toBeUndefined();
  });
});
