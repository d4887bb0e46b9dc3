import type { HttpRequest } from "@labctl/sdk";
import { checkImage } from "../registry/check-image";
import { pushByHttp } from "../registry/round-trip";
import { aliceRegistry, OUTPUTS, runCheck } from "../test-support/tp06-fixture";
import { catalog } from "./catalog";

const auth = { username: "alice", password: OUTPUTS.registryPassword };

/** A registry holding the check image (and maybe another one). */
async function registryWith(...tags: string[]) {
  const registry = aliceRegistry();
  const http = { request: async (u: string, r?: HttpRequest) => registry.handler(u, r) };
  for (const tag of tags)
    await pushByHttp(http, { url: OUTPUTS.registryUrl, auth }, { ...checkImage("alice"), tag });
  return registry;
}

describe("catalog", () => {
  it("passes when the catalog lists the repository and its tags include v1", async () => {
    expect(await runCheck(catalog, { http: (await registryWith("v1")).handler })).toEqual({
      status: "pass",
      message: "the catalog lists labctl-check/hello (1 repositories) and its tags include v1",
    });
  });

  it("fails when the repository is missing from the catalog", async () => {
    expect(await runCheck(catalog, { http: (await registryWith()).handler })).toEqual({
      status: "fail",
      message: "the catalog does not list labctl-check/hello (it lists nothing)",
    });
  });

  it("fails when the tag is missing, naming the tags there are", async () => {
    expect((await runCheck(catalog, { http: (await registryWith("v0")).handler })).message).toBe(
      "the tags of labctl-check/hello do not include v1 (they are: v0)",
    );
  });

  it("fails on an answer that is not a catalog", async () => {
    const http = () => ({ status: 404, headers: {}, body: "404 page not found" });
    expect((await runCheck(catalog, { http })).message).toBe("GET /v2/_catalog answers HTTP 404");
  });
});
