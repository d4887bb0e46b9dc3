import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EngineEvent } from "@labctl/sdk";
import { resolveCli } from "./cli-resolver";
import { FakeDriver } from "./test-support/fake-driver";

let dir: string;
let root: string;
let driver: FakeDriver;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "labctl-cli-"));
  root = join(dir, "pulumi");
  driver = new FakeDriver();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const resolve = (extra: { install?: boolean; onEvent?: (e: EngineEvent) => void } = {}) =>
  resolveCli(driver, { version: "3.270.0", root, ...extra });

it("takes the CLI on PATH first", async () => {
  await expect(resolve()).resolves.toEqual({ version: "3.270.0" });
  expect(driver.calls).toEqual(["findCli PATH"]);
});

it("then a CLI pre-seeded under the root, without downloading", async () => {
  driver.cliAt = "root";
  await resolve();
  expect(driver.calls).toEqual(["findCli PATH", "findCli root"]);
});

it("then installs it under the root, saying so", async () => {
  driver.cliAt = "install";
  const events: EngineEvent[] = [];
  await resolve({ onEvent: (e) => events.push(e) });
  expect(driver.calls.at(-1)).toBe("installCli");
  expect(events).toEqual([{ kind: "step", message: `Installing the Pulumi CLI 3.270.0 into ${root}` }]);
});

it("fails with one sentence of advice and removes what a failed install left", async () => {
  driver.cliAt = "nowhere";
  driver.installCli = async () => {
    mkdirSync(join(root, "bin"), { recursive: true });
    throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND get.pulumi.com") });
  };
  await expect(resolve()).rejects.toMatchObject({
    exitCode: 2,
    code: "PULUMI_CLI_MISSING",
    message:
      "The Pulumi CLI 3.270.0 is not installed, and it could not be downloaded (getaddrinfo ENOTFOUND get.pulumi.com).",
    advice: `Install Pulumi 3.270.0 and put it on PATH, or pre-seed it as ${root}/bin/pulumi, or use \`--engine docker\`.`,
  });
  expect(existsSync(root)).toBe(false);
});

it("keeps a root directory that was there before the failed install", async () => {
  driver.cliAt = "nowhere";
  mkdirSync(root);
  await expect(resolve()).rejects.toMatchObject({ code: "PULUMI_CLI_MISSING" });
  expect(existsSync(root)).toBe(true);
});

it("names an incompatible CLI found on PATH", async () => {
  driver.cliAt = "nowhere";
  driver.pathError = new Error(
    "Minimum version requirement failed. The minimum CLI version requirement is 3.270.0, your current CLI version is 3.100.0. Please update the Pulumi CLI.",
  );
  await expect(resolve({ install: false })).rejects.toMatchObject({
    message:
      "The Pulumi CLI on PATH is 3.100.0, not compatible with the 3.270.0 labctl needs, and downloading it is turned off.",
  });
  expect(driver.calls).not.toContain("installCli");
});
