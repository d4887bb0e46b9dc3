import { resolveHome } from "@labctl/core";
import { stackArgsFor } from "./stack-args";
import { fakeSpec } from "./test-support/fake-driver";

const home = resolveHome({ LABCTL_HOME: "/srv/labctl" });
const base = { home, cli: { version: "3.270.0" }, envVars: { PULUMI_CONFIG_PASSPHRASE: "p" } };

it("runs the lab's program with the environment's context and returns its outputs", async () => {
  const spec = fakeSpec("alice", "b2");
  const lab = {
    ...spec.lab,
    program: async () => ({ default: (ctx: { name(r: string): string }) => ({ web: ctx.name("web") }) }),
  };
  const args = stackArgsFor({ ...spec, lab }, base);
  expect(args).toMatchObject({
    projectName: "tp03",
    stackName: "b2.alice",
    workDir: "/srv/labctl/workspaces/tp03/b2.alice",
    backendUrl: "file:///srv/labctl/state",
  });
  await expect(args.program()).resolves.toEqual({ web: "tp03-alice-web" });
});

it("points the CLI's providers at the environment's Docker host only when it has one", () => {
  expect(stackArgsFor(fakeSpec("alice"), base).envVars).toEqual({ PULUMI_CONFIG_PASSPHRASE: "p" });
  const remote = { ...fakeSpec("alice"), dockerHost: "ssh://lab@host" };
  expect(stackArgsFor(remote, base).envVars).toEqual({
    PULUMI_CONFIG_PASSPHRASE: "p",
    DOCKER_HOST: "ssh://lab@host",
  });
});
