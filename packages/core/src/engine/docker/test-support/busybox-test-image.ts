import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Dockerode from "dockerode";

export const BUSYBOX_TEST_IMAGE = "labctl-test/busybox:1";

const APPLETS = [
  "sh",
  "echo",
  "cat",
  "sleep",
  "wget",
  "httpd",
  "nc",
  "ls",
  "mkdir",
  "cp",
  "env",
  "hostname",
  "true",
  "false",
];

/**
 * A tiny offline image for engine tests: Debian's static busybox (`apt-get install
 * busybox-static`) imported as a one-layer image. Built once; later calls find it.
 */
export async function ensureBusyboxImage(docker: Dockerode): Promise<string> {
  const found = await docker
    .getImage(BUSYBOX_TEST_IMAGE)
    .inspect()
    .catch(() => undefined);
  if (found) return BUSYBOX_TEST_IMAGE;
  const root = mkdtempSync(join(tmpdir(), "labctl-busybox-"));
  try {
    for (const dir of ["bin", "tmp", "www", "data", "etc"]) mkdirSync(join(root, dir));
    copyFileSync("/bin/busybox", join(root, "bin/busybox"));
    for (const applet of APPLETS) symlinkSync("busybox", join(root, "bin", applet));
    const tar = execFileSync("tar", ["-C", root, "-c", "."], { maxBuffer: 64 * 1024 * 1024 });
    const [repo, tag] = BUSYBOX_TEST_IMAGE.split(":");
    const changes = ['CMD ["sh"]', "ENV PATH=/bin", "LABEL dev.labctl.test=busybox"];
    const stream = (await docker.importImage(
      tar as never,
      { repo, tag, changes } as never,
    )) as unknown as NodeJS.ReadableStream;
    await new Promise((resolve, reject) =>
      docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve(null))),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return BUSYBOX_TEST_IMAGE;
}
