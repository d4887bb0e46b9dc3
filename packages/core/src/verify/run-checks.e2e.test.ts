import { dockerClient } from "@labctl/docker";
import { type Check, fail, LABEL, pass } from "@labctl/sdk";
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from "../../../docker/src/test-support/busybox-test-image";
import { dockerodeProbe } from "../probes/dockerode-probe";
import { runChecks } from "./run-checks";

const docker = dockerClient();
const student = `triage-${process.pid}`;
const labels = { [LABEL.lab]: "tp98", [LABEL.student]: student, [LABEL.class]: "e2e" };
const ctx = {
  lab: "tp98",
  studentId: student,
  outputs: {},
  name: (role: string) => `tp98-${student}-${role}`,
  labels,
  docker: dockerodeProbe(docker),
  http: {} as never,
};
const failing: Check = {
  id: "app",
  title: "app",
  points: 1,
  hint: "",
  run: async () => fail("app answers 502"),
};
const service = (role: string, cmd: string[]) =>
  docker.createContainer({
    Image: BUSYBOX_TEST_IMAGE,
    name: ctx.name(role),
    Cmd: cmd,
    Labels: labels,
    HostConfig: { RestartPolicy: { Name: "unless-stopped" } },
  });

describe("the verify runner's triage on the real engine", () => {
  beforeAll(() => ensureBusyboxImage(docker));

  afterEach(async () => {
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`${LABEL.student}=${student}`] },
    });
    for (const c of left) await docker.getContainer(c.Id).remove({ force: true });
  });

  it("a stopped service ends a failing check within seconds, naming it; a passing check still passes", async () => {
    const db = await service("db", ["sleep", "600"]);
    await db.start();
    await db.stop({ t: 1 });
    const started = Date.now();
    const [app, up] = await runChecks([failing, { ...failing, id: "up", run: async () => pass("ok") }], ctx);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(app?.status).toBe("fail");
    expect(app?.message).toMatch(
      new RegExp(`^app answers 502; cause: tp98-${student}-db is exited \\(code \\d+\\)`),
    );
    expect(up?.status).toBe("pass");
  });

  it("a crash loop too", async () => {
    const loop = await service("ghost", ["sh", "-c", "sleep 0.2; exit 3"]);
    await loop.start();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const started = Date.now();
    const [app] = await runChecks([failing], ctx);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(app?.message).toContain(`tp98-${student}-ghost is restarting in a loop`);
  });
});
