import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";
import bcrypt from "bcryptjs";

const TEST_ENV = {
  lab: "tp06",
  images: { registry: "mirror.test/registry:2.8" },
  ports: { registry: 18306 },
  secrets: { registryPassword: "reg-Secret-1" },
} satisfies TestEnvironment;
const { secrets, ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
let outputs: RecordedProgram["outputs"];
let raw: RecordedProgram["raw"];
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  ({ outputs, raw, resource } = await recordProgram(TEST_ENV, () => require("./program")));
});

describe("tp06 program", () => {
  it("runs the registry image from the image map, kept locally", () => {
    expect(resource("registry-image")).toMatchObject({
      type: "docker:index/remoteImage:RemoteImage",
      inputs: { name: images.registry, keepLocally: true },
    });
    expect(resource("registry").inputs.image).toBe("sha256:registry-image");
  });

  it("labels the volume and the container", () => {
    const expected = Object.entries(labels).map(([label, value]) => ({ label, value }));
    for (const name of ["registry-data", "registry"]) {
      expect(resource(name).inputs.labels).toEqual(expect.arrayContaining(expected));
    }
  });

  it("turns htpasswd authentication on and keeps storage on the named volume", () => {
    const registry = resource("registry").inputs;
    expect(registry.name).toBe("tp06-alice-registry");
    expect(registry.envs).toEqual([
      "REGISTRY_AUTH=htpasswd",
      "REGISTRY_AUTH_HTPASSWD_REALM=labctl registry",
      "REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd",
      "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY=/var/lib/registry",
    ]);
    expect(resource("registry-data").inputs.name).toBe("tp06-alice-registry-data");
    expect(registry.volumes).toEqual([
      { volumeName: "tp06-alice-registry-data", containerPath: "/var/lib/registry" },
    ]);
    expect(registry.restart).toBe("unless-stopped");
    expect(resource("registry").deleteBeforeReplace).toBe(true);
  });

  it("uploads an htpasswd file with the student's bcrypt line, as a secret, never the password", () => {
    const [upload, ...others] = resource("registry").inputs.uploads;
    expect(others).toEqual([]);
    expect(upload.file).toBe("/auth/htpasswd");
    const [user, hash] = upload.content.trim().split(":");
    expect(user).toBe("alice");
    expect(bcrypt.compareSync(secrets.registryPassword, hash)).toBe(true);
    expect(upload.content).not.toContain(secrets.registryPassword);
    expect(JSON.stringify(resource("registry").secrets)).toContain(hash);
  });

  it("publishes port 5000 on the student's port and address", () => {
    expect(resource("registry").inputs.ports).toEqual([
      { internal: 5000, external: ports.registry, ip: "127.0.0.1", protocol: "tcp" },
    ]);
  });

  it("exports the names and credentials the checks use, the password as a secret", async () => {
    expect(outputs).toEqual({
      registryUrl: `http://127.0.0.1:${ports.registry}`,
      registryHost: `127.0.0.1:${ports.registry}`,
      registryContainer: "tp06-alice-registry",
      volume: "tp06-alice-registry-data",
      registryUser: "alice",
      registryPassword: secrets.registryPassword,
    });
    expect(await pulumi.isSecret(pulumi.output(raw.registryPassword))).toBe(true);
    expect(await pulumi.isSecret(pulumi.output(raw.registryContainer))).toBe(false);
  });
});
