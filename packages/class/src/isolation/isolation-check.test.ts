import type { ExecResult } from "@labctl/sdk";
import { isolationCheck } from "./isolation-check";
import type { IsolationProbe, ProbedContainer } from "./isolation-probe";

/** A fake Docker: addresses are "net.host"; a container reaches an address on a network it is on. */
function fakeDocker(
  containers: ProbedContainer[],
  opts: { noTool?: string[] } = {},
): IsolationProbe & { execs: string[] } {
  const execs: string[] = [];
  return {
    execs,
    containers: async () => containers,
    async exec(container, cmd): Promise<ExecResult> {
      execs.push(container);
      if (opts.noTool?.includes(container)) return { exitCode: 127, stdout: "", stderr: "" };
      const self = containers.find((c) => c.name === container);
      const nets = new Set(self?.addresses.map((a) => a.split(".")[0]));
      const targets = cmd.slice(5);
      const stdout = targets.map((t) => `${t} ${nets.has(t.split(".")[0] ?? "") ? 0 : 1}`).join("\n");
      return { exitCode: 0, stdout, stderr: "" };
    },
  };
}

const web = (student: string, net: string, extra: string[] = []): ProbedContainer => ({
  name: `tp01-${student}-web`,
  student,
  addresses: [`${net}.2`, ...extra],
  networks: [net, ...extra.map((a) => a.split(".")[0] as string)],
  subnets: [],
  ports: [80],
});

const run = (probe: IsolationProbe, probers: string[]) =>
  isolationCheck(probe, { lab: "tp01", classId: "c", students: probers, timeoutSeconds: 1 });

describe("isolation check", () => {
  it("passes when each student reaches its own services and nobody else's", async () => {
    const result = await run(fakeDocker([web("ann", "n1"), web("bob", "n2"), web("cid", "n3")]), [
      "ann",
      "bob",
      "cid",
    ]);
    expect(Object.values(result).map((o) => o.status)).toEqual(["pass", "pass", "pass"]);
    expect(result.ann?.message).toBe(
      "tp01-ann-web cannot reach the 2 services of the 2 other students it probed; it reaches its own",
    );
    expect(result.ann?.points).toBe(0);
  });

  it("fails both students when one's container sits on the other's network, naming who reached whom", async () => {
    const containers = [web("ann", "n1"), web("bob", "n2", ["n1.9"]), web("cid", "n3")];
    const result = await run(fakeDocker(containers), ["ann", "bob", "cid"]);
    expect(result.ann?.status).toBe("fail");
    expect(result.bob?.status).toBe("fail");
    expect(result.cid?.status).toBe("pass");
    expect(result.bob?.message).toContain("bob's tp01-bob-web reached ann's tp01-ann-web at n1.2:80");
    expect(result.ann?.message).toContain("ann's tp01-ann-web reached bob's tp01-bob-web at n1.9:80");
  });

  it("falls back to another container when the first has no tool, and errors when none has one", async () => {
    const annDb: ProbedContainer = {
      name: "tp01-ann-db",
      student: "ann",
      addresses: ["n1.3"],
      networks: ["n1"],
      subnets: [],
      ports: [3306],
    };
    const containers = [annDb, web("ann", "n1"), web("bob", "n2"), web("cid", "n3")];
    const result = await run(fakeDocker(containers, { noTool: ["tp01-ann-db", "tp01-cid-web"] }), [
      "ann",
      "bob",
      "cid",
    ]);
    expect(result.ann?.status).toBe("pass");
    expect(result.ann?.message).toMatch(
      /^tp01-ann-web cannot reach the 1 service of the 2 other students it probed;/,
    );
    expect(result.cid?.status).toBe("error");
    expect(result.cid?.message).toContain("none of cid's 1 running containers could probe");
  });

  it("skips a student with nothing running, and a class with nobody else to probe", async () => {
    const result = await run(fakeDocker([web("ann", "n1")]), ["ann", "bob"]);
    expect(result.bob).toMatchObject({ status: "skipped", message: "no running container to probe from" });
    expect(result.ann).toMatchObject({
      status: "skipped",
      message: "no other student's service answers to probe",
    });
  });

  it("probes once per student with the connect script: sh -c, the timeout, every ip:port target", async () => {
    const probe = fakeDocker([web("ann", "n1"), web("bob", "n2")]);
    const calls: string[][] = [];
    const exec = probe.exec;
    probe.exec = (c, cmd) => {
      calls.push(cmd);
      return exec(c, cmd);
    };
    await run(probe, ["ann", "bob"]);
    expect(calls[0]?.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(calls[0]?.slice(3)).toEqual(["probe", "1", "n1.2:80", "n2.2:80"]);
    expect(calls).toHaveLength(2);
  });
});

describe("isolation check on a shared network", () => {
  it("names three crossings and counts the rest", async () => {
    const shared = ["a", "b", "c", "d"].map((s, i) => ({
      ...web(s, "bridge"),
      addresses: [`bridge.${i + 2}`],
    }));
    const result = await run(fakeDocker(shared), ["a", "b", "c", "d"]);
    expect(Object.values(result).every((o) => o.status === "fail")).toBe(true);
    expect(result.a?.message).toMatch(/^(.+ reached .+; ){3}and 3 more$/);
  });
});

describe("isolation check in a large class", () => {
  const students = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"];

  it("probes its own services, the next three students and every student it shares a network with", async () => {
    const containers = students.map((s, i) => web(s, `n${i + 1}`));
    containers[0] = web("s1", "n1", ["n6.9"]); // s1 also sits on s6's network
    const probe = fakeDocker(containers);
    const calls = new Map<string, string[]>();
    const exec = probe.exec;
    probe.exec = (c, cmd) => {
      calls.set(c, cmd.slice(5));
      return exec(c, cmd);
    };
    const result = await run(probe, students);
    expect(calls.get("tp01-s3-web")).toEqual(["n3.2:80", "n4.2:80", "n5.2:80", "n6.2:80"]);
    expect(calls.get("tp01-s1-web")).toEqual([
      "n1.2:80",
      "n6.9:80",
      "n6.2:80",
      "n2.2:80",
      "n3.2:80",
      "n4.2:80",
    ]);
    expect(result.s1?.status).toBe("fail");
    expect(result.s6?.message).toContain("s1's tp01-s1-web reached s6's tp01-s6-web at n6.2:80");
    expect(result.s3?.message).toBe(
      "tp01-s3-web cannot reach the 3 services of the 3 other students it probed; it reaches its own",
    );
  });
});

describe("isolation check with several networks per student (Swarm overlays)", () => {
  const swarmStudent = (s: string, extraFront: string[] = []): ProbedContainer[] => [
    {
      name: `tp07-${s}-db.1`,
      student: s,
      addresses: [`${s}back.2`],
      networks: [`${s}back`],
      subnets: [],
      ports: [3306],
    },
    {
      name: `tp07-${s}-web.1`,
      student: s,
      addresses: [`${s}front.3`, ...extraFront],
      networks: [`${s}front`, ...extraFront.map((a) => a.split(".")[0] as string)],
      subnets: [],
      ports: [80],
    },
  ];

  it("probes from a container on each network, so a crossing over front shows though db probes first", async () => {
    const containers = [...swarmStudent("ann"), ...swarmStudent("bob", ["annfront.9"])];
    const result = await run(fakeDocker(containers), ["ann", "bob"]);
    expect(result.bob?.status).toBe("fail");
    expect(result.bob?.message).toContain(
      "bob's tp07-bob-web.1 reached ann's tp07-ann-web.1 at annfront.3:80",
    );
    expect(result.ann?.status).toBe("fail");
  });

  it("passes students whose overlays are their own, naming a prober per network", async () => {
    const result = await run(fakeDocker([...swarmStudent("ann"), ...swarmStudent("bob")]), ["ann", "bob"]);
    expect(result.ann).toMatchObject({
      status: "pass",
      message:
        "tp07-ann-db.1 and tp07-ann-web.1 cannot reach the 2 services of the 1 other student they probed; they reach their own",
    });
  });
});

describe("isolation check behind a network that accepts any connection", () => {
  // Real addresses: each student's overlay is a /24; the prober's own subnet is directly
  // connected, and anything else goes out through a gateway where everything "connects".
  const on = (student: string, role: string, address: string, port: number): ProbedContainer => ({
    name: `tp07-${student}-${role}`,
    student,
    addresses: [address],
    networks: [address.split(".").slice(0, 3).join(".")],
    subnets: [`${address.split(".").slice(0, 3).join(".")}.0/24`],
    ports: [port],
  });
  function sinkDocker(containers: ProbedContainer[]): IsolationProbe {
    return {
      containers: async () => containers,
      async exec(container, cmd) {
        const self = containers.find((c) => c.name === container);
        const mine = new Set(self?.networks);
        const held = new Set(containers.flatMap((c) => c.addresses));
        const lines = cmd.slice(5).map((target) => {
          const ip = target.slice(0, target.lastIndexOf(":"));
          const local = mine.has(ip.split(".").slice(0, 3).join("."));
          // On its own subnet only a held address answers; beyond the gateway, everything does.
          return `${target} ${local ? (held.has(ip) ? 0 : 1) : 0}`;
        });
        return { exitCode: 0, stdout: lines.join("\n"), stderr: "" };
      },
    };
  }

  it("counts no crossing where a free address beside the target answers too, and says so", async () => {
    const result = await run(
      sinkDocker([on("ann", "web", "10.0.1.2", 80), on("bob", "web", "10.0.3.2", 80)]),
      ["ann", "bob"],
    );
    expect(result.ann?.status).toBe("pass");
    expect(result.ann?.message).toContain(
      "(1 connect to their addresses went to something on the way that accepts any address, as a free address beside them answered too: not to their services)",
    );
  });

  it("still fails a real crossing there: on a shared subnet the free address stays silent", async () => {
    const containers = [on("ann", "web", "10.0.1.2", 80), on("bob", "web", "10.0.1.7", 80)];
    const result = await run(sinkDocker(containers), ["ann", "bob"]);
    expect(result.bob?.status).toBe("fail");
    expect(result.bob?.message).toContain("bob's tp07-bob-web reached ann's tp07-ann-web at 10.0.1.2:80");
  });
});

describe("isolation check, a crossing seen from two probers", () => {
  it("lists it once", async () => {
    const box = (name: string, student: string, addresses: string[]): ProbedContainer => ({
      name,
      student,
      addresses,
      networks: addresses.map((a) => a.split(".")[0] as string),
      subnets: [],
      ports: [80],
    });
    const containers = [
      box("tp07-ann-x", "ann", ["na.2", "nbob.5"]),
      box("tp07-ann-y", "ann", ["nb.2", "nbob.6"]),
      box("tp07-bob-web", "bob", ["nbob.2"]),
    ];
    const result = await run(fakeDocker(containers), ["ann", "bob"]);
    const crossingsToBob = (result.ann?.message ?? "").match(/reached bob's tp07-bob-web at nbob\.2:80/g);
    expect(crossingsToBob).toHaveLength(1);
    // ann -> bob once, and bob -> ann's two addresses: three in all, none counted twice.
    expect(result.ann?.message).not.toMatch(/and \d+ more/);
  });
});
