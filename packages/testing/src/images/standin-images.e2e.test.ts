import { ensureStandinImages } from "./ensure-standin-images";
import { sql, waitForSql } from "./mysql-client";
import {
  docker,
  envArgs,
  hostPort,
  LABELLED,
  logsOf,
  mainUid,
  removeTestObjects,
  startContainer,
  testNames,
  waitFor,
} from "./standin-test-docker";

const name = testNames();
let map: Record<string, string>;

async function httpGet(port: number, urlPath = "/"): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  map = await ensureStandinImages();
}, 3_600_000);

afterAll(removeTestObjects, 120_000);

describe("ghost stand-in", () => {
  it("runs the real Ghost 5 against the mysql stand-in: 200 on / and its tables in MySQL", async () => {
    await docker("network", "create", ...LABELLED, name("net"));
    const dbEnv = {
      MYSQL_ROOT_PASSWORD: "r00t",
      MYSQL_DATABASE: "ghost",
      MYSQL_USER: "ghost",
      MYSQL_PASSWORD: "ghost-pw",
    };
    const db = await startContainer(name("db"), [
      "--network",
      name("net"),
      "--network-alias",
      "mysql",
      ...envArgs(dbEnv),
      map["mysql:8.0"] as string,
    ]);
    await waitForSql(db, "ghost", "ghost-pw", "ghost");
    const ghostEnv = {
      database__client: "mysql",
      database__connection__host: "mysql",
      database__connection__user: "ghost",
      database__connection__password: "ghost-pw",
      database__connection__database: "ghost",
      url: "http://localhost:2368",
    };
    const ghost = await startContainer(name("ghost"), [
      "--network",
      name("net"),
      "-p",
      "127.0.0.1::2368",
      ...envArgs(ghostEnv),
      map["ghost:5-alpine"] as string,
    ]);
    const port = await hostPort(ghost, 2368);
    const home = await waitFor("Ghost to answer 200", 480_000, async () => {
      const res = await httpGet(port);
      return res.status === 200 ? res : undefined;
    });
    expect(home.body).toContain('content="Ghost 5.130"');
    const tables = (await sql(db, "ghost", "ghost-pw", "SHOW TABLES", "ghost")).split("\n");
    expect(tables).toEqual(expect.arrayContaining(["posts", "users", "settings", "migrations"]));
    expect(await mainUid(ghost)).toBe("1000");
    expect(await docker("exec", ghost, "ls", "/var/lib/ghost/content/themes")).toContain("casper");
    expect((await httpGet(port, "/no-such-post/")).status).toBe(404);
  }, 900_000);
});

describe("nginx stand-in", () => {
  it("serves the default page on port 80 and logs requests to stdout", async () => {
    const web = await startContainer(name("nginx"), [
      "-p",
      "127.0.0.1::80",
      map["nginx:1.27-alpine"] as string,
    ]);
    const port = await hostPort(web, 80);
    const res = await waitFor("nginx", 30_000, async () => httpGet(port));
    expect(res.status).toBe(200);
    expect(res.body).toContain("Welcome to nginx!");
    expect((await httpGet(port, "/no-such-page")).status).toBe(404);
    const logged = async () =>
      (await logsOf(web, "stdout")).some((l) => l.includes("GET /no-such-page")) ? true : undefined;
    await waitFor("the access log line on stdout", 10_000, logged);
  });
});

describe("hello-world stand-in", () => {
  it("prints the greeting and exits 0", async () => {
    const hello = await startContainer(name("hello"), [map["hello-world:latest"] as string]);
    expect(await docker("wait", hello)).toBe("0");
    expect((await logsOf(hello)).join("\n")).toContain("Hello from Docker!");
  });
});

describe("gcc stand-in", () => {
  it("compiles and links a static C program", async () => {
    const source = "int main(void) { return 0; }";
    const build = await startContainer(name("gcc"), [
      map["gcc:13"] as string,
      "sh",
      "-c",
      `printf '${source}' > /tmp/a.c && gcc -static -o /tmp/a /tmp/a.c && /tmp/a && echo built`,
    ]);
    expect(await docker("wait", build)).toBe("0");
    expect(await logsOf(build)).toContain("built");
  });
});

describe("debian-slim stand-in", () => {
  it("is one layer about the official slim's size, without docs but with copyrights", async () => {
    const ref = map["debian:bookworm-slim"] as string;
    const [size, layers] = (
      await docker("image", "inspect", "--format", "{{.Size}} {{len .RootFS.Layers}}", ref)
    ).split(" ");
    expect(Number(size)).toBeLessThan(80_000_000);
    expect(layers).toBe("1");
    const slim = await startContainer(name("slim"), [
      ref,
      "sh",
      "-c",
      "ls /usr/share/man | wc -l; test -f /usr/share/doc/bash/copyright && echo copyright",
    ]);
    expect(await docker("wait", slim)).toBe("0");
    expect((await logsOf(slim, "stdout")).slice(0, 2)).toEqual(["0", "copyright"]);
  });
});

describe("busybox stand-in", () => {
  it("is a static busybox on an empty root: the shell and its applets run with no libc in the image", async () => {
    const box = await startContainer(name("busybox"), [
      map["busybox:1.36"] as string,
      "sh",
      "-c",
      "test ! -e /lib/x86_64-linux-gnu && echo no-libc; for a in nc wget httpd timeout; do test -x /bin/$a && echo /bin/$a; done",
    ]);
    expect(await docker("wait", box)).toBe("0");
    expect((await logsOf(box, "stdout")).filter(Boolean)).toEqual([
      "no-libc",
      "/bin/nc",
      "/bin/wget",
      "/bin/httpd",
      "/bin/timeout",
    ]);
  });
});
