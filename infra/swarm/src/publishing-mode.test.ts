import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { choosePublishing, kernelHasIpvs } from "./publishing-mode";

/** A fake filesystem root holding the given files. */
function rootWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "labctl-ipvs-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("kernelHasIpvs", () => {
  it.each([
    ["loaded (/proc/net/ip_vs)", { "proc/net/ip_vs": "IP Virtual Server version 1.2.1\n" }],
    ["in /proc/modules", { "proc/modules": "overlay 151552 0 - Live\nip_vs 200704 6 - Live\n" }],
    [
      "loadable (modules.dep)",
      {
        "lib/modules/6.8.0/modules.dep": "kernel/net/netfilter/ipvs/ip_vs.ko.zst: kernel/lib/libcrc32c.ko\n",
      },
    ],
    [
      "built in (modules.builtin)",
      { "lib/modules/6.8.0/modules.builtin": "kernel/net/netfilter/ipvs/ip_vs.ko\n" },
    ],
  ])("finds IPVS %s", (_how, files) => {
    expect(kernelHasIpvs(rootWith(files), "6.8.0").ipvs).toBe(true);
  });

  it("finds none on a kernel like ours (no ip_vs anywhere, not even a module list)", () => {
    const root = rootWith({ "proc/modules": "overlay 151552 0 - Live\nip_vs_ftp 16384 0 - Live\n" });
    expect(kernelHasIpvs(root, "6.8.0")).toEqual({ ipvs: false, why: expect.stringContaining("no ip_vs") });
    expect(kernelHasIpvs(rootWith({}), "6.8.0").ipvs).toBe(false);
  });
});

describe("choosePublishing", () => {
  const ipvs = () => ({ ipvs: true, why: "test" });
  const none = () => ({ ipvs: false, why: "test" });

  it("auto on this machine's kernel: mesh with IPVS, host without", () => {
    expect(choosePublishing("auto", { kind: "same-kernel" }, ipvs).mode).toBe("mesh");
    expect(choosePublishing("auto", { kind: "same-kernel" }, none).mode).toBe("host");
  });

  it("auto on a kernel it cannot see (remote, VM): host, saying how to choose mesh", () => {
    const remote = choosePublishing("auto", { kind: "remote", host: "lab-host" }, ipvs);
    expect(remote).toEqual({ mode: "host", reason: expect.stringContaining("swarmPublishing: mesh") });
    expect(choosePublishing("auto", { kind: "local-vm" }, ipvs).mode).toBe("host");
  });

  it("the config's mesh or host wins over detection", () => {
    expect(choosePublishing("mesh", { kind: "remote", host: "lab-host" }, none).mode).toBe("mesh");
    expect(choosePublishing("host", { kind: "same-kernel" }, ipvs).mode).toBe("host");
  });
});
