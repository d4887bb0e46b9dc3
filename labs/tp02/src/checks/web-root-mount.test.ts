import { OUTPUTS, runCheck, webView } from "../test-support/tp02-fixture";
import { webRootMount } from "./web-root-mount";

const rootMount = (mount: { type: string; name?: string; source: string }) =>
  webView({ mounts: [{ ...mount, destination: "/usr/share/nginx/html" }] });

describe("web-root-mount", () => {
  it("passes when the lab's host directory is bind-mounted at nginx's root", async () => {
    expect(await runCheck(webRootMount)).toEqual({
      status: "pass",
      message: `/usr/share/nginx/html in tp02-alice-web is a bind mount of ${OUTPUTS.webRoot}`,
    });
  });

  it("fails when the container is missing or nothing is mounted", async () => {
    expect((await runCheck(webRootMount, { containers: [] })).message).toBe(
      "web container tp02-alice-web does not exist",
    );
    expect(await runCheck(webRootMount, { containers: [webView({ mounts: [] })] })).toEqual({
      status: "fail",
      message: "nothing is mounted at /usr/share/nginx/html in tp02-alice-web",
    });
  });

  it("fails on a volume or a bind mount of another directory, naming it", async () => {
    const volume = rootMount({ type: "volume", name: "site", source: "/var/lib/docker/volumes/site/_data" });
    expect((await runCheck(webRootMount, { containers: [volume] })).message).toBe(
      `/usr/share/nginx/html is a volume site, not a bind mount of ${OUTPUTS.webRoot}`,
    );
    const elsewhere = rootMount({ type: "bind", source: "/tmp/site" });
    expect(await runCheck(webRootMount, { containers: [elsewhere] })).toEqual({
      status: "fail",
      message: `/usr/share/nginx/html is a bind mount of /tmp/site, not of ${OUTPUTS.webRoot}`,
    });
  });
});
