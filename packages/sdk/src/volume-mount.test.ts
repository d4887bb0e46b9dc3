import type { ContainerView } from "./docker-probe";
import { volumeMountProblem } from "./volume-mount";

const db = (mounts: ContainerView["mounts"]) => ({ name: "tp99-a-db", mounts }) as ContainerView;

describe("volumeMountProblem", () => {
  it("accepts the named volume at the directory", () => {
    expect(
      volumeMountProblem(
        db([{ type: "volume", name: "v", source: "/x", destination: "/data" }]),
        "/data",
        "v",
      ),
    ).toBeUndefined();
  });

  it("names what is there instead", () => {
    expect(volumeMountProblem(db([]), "/data", "v")).toBe("nothing is mounted at /data in tp99-a-db");
    expect(
      volumeMountProblem(db([{ type: "bind", source: "/home/a", destination: "/data" }]), "/data", "v"),
    ).toBe("/data is a bind mount of /home/a, not the volume v");
    expect(volumeMountProblem(db([{ type: "tmpfs", source: "", destination: "/data" }]), "/data", "v")).toBe(
      "/data is a tmpfs mount, not the volume v",
    );
    expect(
      volumeMountProblem(
        db([{ type: "volume", name: "3f2a", source: "/x", destination: "/data" }]),
        "/data",
        "v",
        {
          namingContainer: true,
        },
      ),
    ).toBe("/data in tp99-a-db is on volume 3f2a, not the lab's volume v");
  });
});
