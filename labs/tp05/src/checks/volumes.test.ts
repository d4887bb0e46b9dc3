import { volumeView } from "@labctl/testing";
import { mariadbView, OUTPUTS, runCheck, wordpressView } from "../test-support/tp05-fixture";
import { volumes } from "./volumes";

describe("volumes", () => {
  it("passes when both named volumes are where the images keep their data", async () => {
    expect(await runCheck(volumes)).toEqual({
      status: "pass",
      message:
        "/var/lib/mysql in tp05-alice-mariadb is on volume tp05-alice-db-data; /var/www/html/wp-content in tp05-alice-wordpress is on volume tp05-alice-wp-content",
    });
  });

  it("fails when wp-content is not mounted (only the image's anonymous /var/www/html)", async () => {
    const wp = wordpressView({ mounts: wordpressView().mounts.slice(0, 1) });
    expect(await runCheck(volumes, { containers: [mariadbView(), wp] })).toEqual({
      status: "fail",
      message: "nothing is mounted at /var/www/html/wp-content in tp05-alice-wordpress",
    });
  });

  it("fails on a bind mount, an anonymous volume or a missing volume, listing each", async () => {
    const db = mariadbView({
      mounts: [{ type: "bind", source: "/home/alice/db", destination: "/var/lib/mysql" }],
    });
    expect((await runCheck(volumes, { containers: [db, wordpressView()] })).message).toBe(
      "/var/lib/mysql in tp05-alice-mariadb is a bind mount of /home/alice/db, not the volume tp05-alice-db-data",
    );
    const anonymous = mariadbView({
      mounts: [{ type: "volume", name: "77aa", source: "/x", destination: "/var/lib/mysql" }],
    });
    const result = await runCheck(volumes, {
      containers: [anonymous, wordpressView()],
      volumes: [volumeView({ name: OUTPUTS.dbVolume })],
    });
    expect(result.message).toBe(
      "/var/lib/mysql in tp05-alice-mariadb is on volume 77aa, not the lab's volume tp05-alice-db-data; volume tp05-alice-wp-content does not exist",
    );
  });
});
