import type Dockerode from "dockerode";
import type { ServiceInputs } from "../translate/service-inputs";

interface Found {
  id: string;
  name: string;
}

/** An object by id or name; undefined when it cannot be found yet (a preview before its create). */
async function lookUp(
  inspect: () => Promise<{ ID?: string; Id?: string; Name?: string; Spec?: { Name?: string } }>,
) {
  try {
    const info = await inspect();
    return { id: (info.ID ?? info.Id) as string, name: (info.Spec?.Name ?? info.Name) as string };
  } catch (error) {
    // 404: not created yet; 503: not a swarm manager yet (a preview before infra's prepare).
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 404 || status === 503) return undefined;
    throw error;
  }
}

/**
 * The service's inputs with every secret, config and network named by its Swarm id and name.
 * Swarm wants both in a secret or config reference, and stores network targets as ids: a
 * program may hand either (`secret.id`, `secret.name`, `network.name`). Resolving them also
 * makes the spec hash follow the objects: a re-created secret (new id) updates the service.
 * Reads only; references to what does not exist yet stay as given.
 */
export async function resolveServiceRefs(docker: Dockerode, inputs: ServiceInputs): Promise<ServiceInputs> {
  const c = inputs.taskSpec.containerSpec;
  const secrets = await Promise.all(
    (c.secrets ?? []).map(async (ref) => {
      const found: Found | undefined = await lookUp(() => docker.getSecret(ref.secretId).inspect());
      return found ? { ...ref, secretId: found.id, secretName: found.name } : ref;
    }),
  );
  const configs = await Promise.all(
    (c.configs ?? []).map(async (ref) => {
      const found: Found | undefined = await lookUp(() => docker.getConfig(ref.configId).inspect());
      return found ? { ...ref, configId: found.id, configName: found.name } : ref;
    }),
  );
  const networks = await Promise.all(
    (inputs.taskSpec.networksAdvanceds ?? []).map(async ({ id, name, ...rest }) => {
      const target = (id ?? name) as string;
      const found = await lookUp(() => docker.getNetwork(target).inspect());
      return { ...rest, id: found?.id ?? target };
    }),
  );
  return {
    ...inputs,
    taskSpec: {
      ...inputs.taskSpec,
      containerSpec: {
        ...c,
        secrets: c.secrets && secrets,
        configs: c.configs && configs,
      },
      networksAdvanceds: inputs.taskSpec.networksAdvanceds && networks,
    },
  };
}
