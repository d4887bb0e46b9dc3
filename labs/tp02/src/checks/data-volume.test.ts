import { dbView, runCheck } from "../test-support/tp02-fixture";
import { dataVolume } from "./data-volume";

const mountAt = (mount: { type: string; name?: string; source: string }) =>
  dbView({ mounts: [{ ...mount, destination: "/var/lib/mysql" }] });

describe("data-volume", () => {
  it("passes when the lab's volume is mounted at /var/lib/mysql", async () => {
    expect(await runCheck(dataVolume)).toEqual({
      status: "pass",
      message: "/var/lib/mysql in tp02-alice-db is on volume tp02-alice-db-data",
    });
  });

  it("fails when the volume is missing or nothing is mounted", async () => {
    expect((await runCheck(dataVolume, { volumes: [] })).message).toBe(
      "volume tp02-alice-db-data does not exist",
    );
    expect(await runCheck(dataVolume, { containers: [dbView({ mounts: [] })] })).toEqual({
      status: "fail",
      message: "nothing is mounted at /var/lib/mysql in tp02-alice-db",
    });
  });

  it("fails on a bind, a tmpfs or another volume, naming it", async () => {
    const bind = mountAt({ type: "bind", source: "/home/alice/db" });
    expect((await runCheck(dataVolume, { containers: [bind] })).message).toBe(
      "/var/lib/mysql is a bind mount of /home/alice/db, not the volume tp02-alice-db-data",
    );
    const tmpfs = mountAt({ type: "tmpfs", source: "" });
    expect((await runCheck(dataVolume, { containers: [tmpfs] })).message).toBe(
      "/var/lib/mysql is a tmpfs mount, not the volume tp02-alice-db-data",
    );
    const anonymous = mountAt({
      type: "volume",
      name: "3f2a9c",
      source: "/var/lib/docker/volumes/3f2a9c/_data",
    });
    expect(await runCheck(dataVolume, { containers: [anonymous] })).toEqual({
      status: "fail",
      message: "/var/lib/mysql is on volume 3f2a9c, not the lab's volume tp02-alice-db-data",
    });
  });
});
