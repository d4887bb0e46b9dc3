import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dockerHostOf } from "@labctl/docker";
import { defineLab } from "@labctl/sdk";
import { loadEngine } from "../engine/load-engine";
import { type LabctlHome, resolveHome } from "../home/labctl-home";
import { writeRecord } from "./environment-record";
import { openEnvironment } from "./open-environment";

// The engines are real code with real dependencies: here only who is asked for which one matters.
jest.mock("../engine/load-engine", () => ({
  loadEngine: jest.fn((name: string) => ({ name })),
}));
const loadEngineMock = loadEngine as jest.MockedFunction<typeof loadEngine>;

const lab = defineLab({
  id: "tp99",
  title: { en: "t", fr: "t" },
  platform: "docker",
  images: { web: "nginx:1.27" },
  ports: ["http"],
  secrets: [],
  program: async () => ({ default: () => ({}) }),
  checks: [],
  handout: "README.md",
});

/** A fresh LABCTL_HOME, with a config.yaml when given one. */
function newHome(configYaml?: string): LabctlHome {
  const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-open-")) });
  if (configYaml !== undefined) writeFileSync(home.configFile, configYaml);
  return home;
}

const open = (home: LabctlHome, more: Partial<Parameters<typeof openEnvironment>[0]> = {}) =>
  openEnvironment({ lab, student: "alice", classId: "default", home, env: {}, ...more });

beforeEach(() => loadEngineMock.mockClear());

describe("openEnvironment", () => {
  describe("the engine", () => {
    const recorded = (home: LabctlHome) =>
      writeRecord(home, { lab: "tp99", student: "alice", classId: "default", engine: "pulumi", ports: {} });

    it("is the configured one when the environment has no record", () => {
      expect(open(newHome("engine: docker\n")).engineName).toBe("docker");
    });

    it("is the one recorded for the environment over the configured one", () => {
      const home = newHome("engine: docker\n");
      recorded(home);
      expect(open(home).engineName).toBe("pulumi");
    });

    it("is the flag over the record and the config", () => {
      const home = newHome("engine: pulumi\n");
      recorded(home);
      expect(open(home, { engine: "docker" }).engineName).toBe("docker");
    });

    it("loads on first call only, once, with the host in force", () => {
      const home = newHome("engine: docker\n");
      const opened = open(home, { dockerHost: "tcp://10.0.0.9:2375" });
      expect(loadEngineMock).not.toHaveBeenCalled();
      const engine = opened.engine();
      expect(opened.engine()).toBe(engine);
      expect(loadEngineMock.mock.calls).toEqual([["docker", home, { dockerHost: "tcp://10.0.0.9:2375" }]]);
    });

    it("refuses an engine name that is not one (exit 64) before reading anything", () => {
      const home = jest.fn(() => newHome());
      expect(() => open(home(), { home, engine: "k8s" as "docker" })).toThrow(
        expect.objectContaining({ code: "BAD_ENGINE", exitCode: 64 }),
      );
      expect(home).toHaveBeenCalledTimes(1); // by the test only
    });
  });

  describe("ids", () => {
    it.each([
      ["student", { student: "../bob" }],
      ["student", { student: "Alice" }],
      ["class", { classId: "a/b" }],
      ["class", { classId: "" }],
    ])("refuses a bad %s id (BAD_ID, exit 64) before the home is opened or written", (_kind, bad) => {
      const home = newHome();
      const getHome = jest.fn(() => home);
      expect(() => open(home, { ...bad, home: getHome })).toThrow(
        expect.objectContaining({ code: "BAD_ID", exitCode: 64 }),
      );
      expect(getHome).not.toHaveBeenCalled();
      expect(readdirSync(home.root)).toEqual([]);
    });

    it("takes the OS user name as a slug when no student is given", () => {
      const opened = open(newHome(), { student: undefined });
      expect(opened.spec.student.id).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
      expect(opened.spec.student).toEqual({ id: opened.spec.student.id, name: opened.spec.student.id });
    });

    it("finds the lab through the catalog it is given", () => {
      const findLab = jest.fn(() => lab);
      const opened = openEnvironment({
        labId: "tp99",
        findLab,
        student: "alice",
        classId: "c1",
        home: newHome(),
        env: {},
      });
      expect(findLab).toHaveBeenCalledWith("tp99");
      expect(opened.lab).toBe(lab);
      expect(opened.spec.classId).toBe("c1");
    });
  });

  describe("the Docker host", () => {
    const home = () => newHome("dockerHost: tcp://10.0.0.1:2375\n");
    const hostOf = (opened: ReturnType<typeof openEnvironment>) => ({
      spec: opened.spec.dockerHost,
      config: opened.config.dockerHost,
      client: dockerHostOf(opened.docker()),
    });
    const all = (host: string) => ({ spec: host, config: host, client: host });

    it("is config.yaml's when nothing else is set", () => {
      expect(hostOf(open(home()))).toEqual(all("tcp://10.0.0.1:2375"));
    });

    it("is DOCKER_HOST over config.yaml", () => {
      expect(hostOf(open(home(), { env: { DOCKER_HOST: "tcp://10.0.0.2:2375" } }))).toEqual(
        all("tcp://10.0.0.2:2375"),
      );
    });

    it("is the flag over DOCKER_HOST and config.yaml", () => {
      const opened = open(home(), {
        env: { DOCKER_HOST: "tcp://10.0.0.2:2375" },
        dockerHost: "tcp://10.0.0.3:2375",
      });
      expect(hostOf(opened)).toEqual(all("tcp://10.0.0.3:2375"));
    });

    it("refuses a bad --docker-host (exit 64) before any engine is loaded", () => {
      expect(() => open(home(), { dockerHost: "http//nope" })).toThrow(
        expect.objectContaining({ code: "BAD_DOCKER_HOST", exitCode: 64 }),
      );
      expect(loadEngineMock).not.toHaveBeenCalled();
    });

    it("gives the same client on every call", () => {
      const opened = open(home());
      expect(opened.docker()).toBe(opened.docker());
    });
  });

  it("writes nothing in the home: ports are only planned", () => {
    const home = newHome("engine: docker\nportBase: 30000\n");
    const opened = open(home);
    opened.engine();
    opened.docker();
    expect(readdirSync(home.root)).toEqual(["config.yaml"]);
    expect(opened.spec.ports).toEqual({ http: 30000 });
    expect(opened.spec.portPlan?.adds).toBeTruthy();
  });

  it("reads the home from LABCTL_HOME in env when none is given", () => {
    const root = mkdtempSync(join(tmpdir(), "labctl-open-env-"));
    writeFileSync(join(root, "config.yaml"), "engine: docker\n");
    const opened = openEnvironment({ lab, student: "alice", classId: "default", env: { LABCTL_HOME: root } });
    expect(opened.home.root).toBe(root);
    expect(opened.engineName).toBe("docker");
  });
});
