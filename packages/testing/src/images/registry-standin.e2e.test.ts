import { ensureStandinImages } from "./ensure-standin-images";
import {
  docker,
  envArgs,
  hostPort,
  removeTestObjects,
  startContainer,
  testNames,
  waitFor,
} from "./standin-test-docker";

const name = testNames();
let image: string;

// "alice" / "s3cret" as a bcrypt line, the kind `htpasswd -Bbn alice s3cret` prints ($2y$, cost 5).
const HTPASSWD = "alice:$2y$05$6NgB1lnXSG.kBxLmyhPmLObJjIw/suHvHaAeCNsUyruk7OjMCAhnC";

const v2 = (port: number, auth?: string) =>
  fetch(`http://127.0.0.1:${port}/v2/`, {
    headers: auth ? { authorization: `Basic ${Buffer.from(auth).toString("base64")}` } : {},
  });

beforeAll(async () => {
  image = (await ensureStandinImages({ only: ["registry:2.8"] }))["registry:2.8"] as string;
}, 3_600_000);

afterAll(removeTestObjects, 120_000);

describe("registry stand-in", () => {
  it("serves the API on 5000 without auth by default, storing under /var/lib/registry", async () => {
    const reg = await startContainer(name("open"), ["-p", "127.0.0.1::5000", image]);
    const port = await hostPort(reg, 5000);
    const res = await waitFor(
      "the registry",
      30_000,
      async () => (await v2(port)).status === 200 || undefined,
    );
    expect(res).toBe(true);
    expect(await docker("inspect", "-f", "{{json .Config.Volumes}} {{json .Config.Cmd}}", reg)).toBe(
      '{"/var/lib/registry":{}} ["/etc/docker/registry/config.yml"]',
    );
    expect(await docker("exec", reg, "cat", "/etc/docker/registry/config.yml")).toContain(
      "rootdirectory: /var/lib/registry",
    );
  });

  it("honours REGISTRY_AUTH_* variables: 401 with a Basic challenge, 200 with the htpasswd user", async () => {
    const reg = await startContainer(name("locked"), [
      "-p",
      "127.0.0.1::5000",
      ...envArgs({
        REGISTRY_AUTH: "htpasswd",
        REGISTRY_AUTH_HTPASSWD_REALM: "test realm",
        REGISTRY_AUTH_HTPASSWD_PATH: "/auth/htpasswd",
      }),
      "--entrypoint",
      "sh",
      image,
      "-c",
      `mkdir -p /auth && echo '${HTPASSWD}' > /auth/htpasswd && exec /entrypoint.sh /etc/docker/registry/config.yml`,
    ]);
    const port = await hostPort(reg, 5000);
    const anonymous = await waitFor("the registry", 30_000, async () => {
      const r = await v2(port);
      return r.status === 401 ? r : undefined;
    });
    expect(anonymous.headers.get("www-authenticate")).toBe('Basic realm="test realm"');
    expect((await v2(port, "alice:s3cret")).status).toBe(200);
    expect((await v2(port, "alice:wrong")).status).toBe(401);
  });

  it("passes registry subcommands to the registry binary, as the official entrypoint does", async () => {
    expect(await docker("run", "--rm", image, "--version")).toMatch(
      /^registry github.com\/docker\/distribution v?2\.8/,
    );
  });
});
