import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { checkImage } from "../registry/check-image";
import { describeAnswer, registryRequest } from "../registry/registry-http";
import { registryTarget } from "./registry-target";

/** A JSON list field of a registry answer, or undefined when the body is not that shape. */
function listField(body: string, field: string): string[] | undefined {
  try {
    const value = (JSON.parse(body) as Record<string, unknown>)[field];
    if (value === null) return [];
    return Array.isArray(value) ? value.map(String) : undefined;
  } catch {
    return undefined;
  }
}

export const catalog: Check<Tp06Outputs> = {
  id: "catalog",
  title: "The catalog and the tag list show the pushed image",
  points: 2,
  needs: ["http-round-trip"],
  hint: "`curl -u <user> <registry URL>/v2/_catalog` lists repositories, `<registry URL>/v2/<repository>/tags/list` the tags of one. They read the storage: an image missing there was pushed to another storage than the one this registry serves.",
  run: async ({ http, outputs, studentId }) => {
    const { repository, tag } = checkImage(studentId);
    const target = registryTarget(outputs, "student");
    try {
      const res = await registryRequest(http, target, "/v2/_catalog");
      const repositories = listField(res.body, "repositories");
      if (res.status !== 200 || !repositories) return fail(`GET /v2/_catalog answers ${describeAnswer(res)}`);
      if (!repositories.includes(repository)) {
        const listed = repositories.join(", ") || "nothing";
        return fail(`the catalog does not list ${repository} (it lists ${listed})`);
      }
      const tagsRes = await registryRequest(http, target, `/v2/${repository}/tags/list`);
      const tags = listField(tagsRes.body, "tags");
      if (tagsRes.status !== 200 || !tags)
        return fail(`GET /v2/${repository}/tags/list answers ${describeAnswer(tagsRes)}`);
      if (!tags.includes(tag)) {
        return fail(
          `the tags of ${repository} do not include ${tag} (they are: ${tags.join(", ") || "none"})`,
        );
      }
      return pass(
        `the catalog lists ${repository} (${repositories.length} repositories) and its tags include ${tag}`,
      );
    } catch (err) {
      return fail(`the registry does not answer on ${outputs.registryUrl}: ${errorText(err)}`);
    }
  },
};
