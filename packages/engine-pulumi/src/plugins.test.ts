import { npmPluginVersion, PluginInstaller, pluginsFor } from "./plugins";

describe("pluginsFor", () => {
  it("lists each platform's plugins once, with their versions", () => {
    const version = (name: string) => `${name.length}.0.0`;
    expect(
      pluginsFor([{ platform: "docker" }, { platform: "swarm" }, { platform: "kind" }], undefined, version),
    ).toEqual([
      { name: "docker", version: "6.0.0" },
      { name: "kubernetes", version: "10.0.0" },
    ]);
  });

  it("takes an explicit table", () => {
    expect(
      pluginsFor([{ platform: "kind" }], { docker: [], swarm: [], kind: ["command"] }, () => "1.0.0"),
    ).toEqual([{ name: "command", version: "1.0.0" }]);
  });
});

describe("npmPluginVersion", () => {
  it("reads the plugin version the installed provider package was built for", () => {
    const pkg = require("@pulumi/docker/package.json") as { pulumi: { version: string } };
    expect(npmPluginVersion("docker")).toBe(pkg.pulumi.version);
  });

  it("says which package to install when the provider is missing", () => {
    expect(() => npmPluginVersion("no-such-provider")).toThrow(/@pulumi\/no-such-provider is not installed/);
  });
});

describe("PluginInstaller", () => {
  it("installs each plugin once, one at a time, whatever the number of callers", async () => {
    const log: string[] = [];
    const installer = new PluginInstaller(async ({ name }) => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
    });
    const a = { name: "docker", version: "5.2.0" };
    const b = { name: "kubernetes", version: "4.0.0" };
    await Promise.all([installer.ensure([a, b]), installer.ensure([a]), installer.ensure([b, a])]);
    expect(log).toEqual(["start docker", "end docker", "start kubernetes", "end kubernetes"]);
  });

  it("keeps a failure for later callers without retrying, and still runs the next plugin", async () => {
    let attempts = 0;
    const installer = new PluginInstaller(async ({ name }) => {
      attempts++;
      if (name === "docker") throw new Error("offline");
    });
    await expect(installer.ensure([{ name: "docker", version: "1" }])).rejects.toThrow("offline");
    await expect(installer.ensure([{ name: "docker", version: "1" }])).rejects.toThrow("offline");
    await expect(installer.ensure([{ name: "kubernetes", version: "1" }])).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });
});
