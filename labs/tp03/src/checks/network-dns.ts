import { type Check, type ContainerView, type DockerProbe, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";
import { ALIAS } from "../topology";

type Role = keyof typeof ALIAS;

/** One end of the Ghost <-> MySQL link, and how to resolve a name from inside it. */
interface Side {
  role: Role;
  container: string;
  /** The other side, to be reached by its alias. */
  peer: Role;
  lookup: (host: string) => string[];
}

// Ghost runs on node, so its image surely has it; MySQL's image has getent but no node.
const nodeLookup = (host: string) => [
  "node",
  "-e",
  `require("dns").lookup(${JSON.stringify(host)},(e,a)=>{if(e){console.error(e.code);process.exit(1)}console.log(a)})`,
];
const getent = (host: string) => ["getent", "hosts", host];

export const networkDns: Check<Tp03Outputs> = {
  id: "network-dns",
  title: "Ghost and MySQL resolve each other by alias on the lab network",
  points: 3,
  needs: ["mysql-running"],
  hint: 'Both containers must be on the same user-defined network with the aliases "ghost" and "mysql" (the default bridge has no DNS). Look at `docker network inspect <network>` and try `docker exec <mysql container> getent hosts ghost`.',
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const network = await docker.network(outputs.network);
      if (!network) return fail(`network ${outputs.network} does not exist`);
      if (network.driver !== "bridge")
        return fail(`network ${network.name} uses driver ${network.driver}, not bridge`);
      const sides: Side[] = [
        { role: "ghost", container: outputs.ghostContainer, peer: "mysql", lookup: nodeLookup },
        { role: "mysql", container: outputs.mysqlContainer, peer: "ghost", lookup: getent },
      ];
      const views: Partial<Record<Role, ContainerView>> = {};
      for (const side of sides) {
        const view = await docker.container(side.container);
        const problem = attachmentProblem(side, view, network.name);
        if (problem) return fail(problem);
        views[side.role] = view;
      }
      const addresses: string[] = [];
      for (const side of sides) {
        const peerIp = views[side.peer]?.networks[network.name]?.ipAddress;
        const resolved = await resolveFrom(docker, side, network.name, peerIp);
        if (!resolved.ok) return fail(resolved.problem);
        addresses.push(`${side.peer}=${resolved.address}`);
      }
      return pass(`ghost and mysql resolve each other on ${network.name} (${addresses.join(", ")})`);
    }),
};

function attachmentProblem(side: Side, view: ContainerView | undefined, network: string): string | undefined {
  const own = ALIAS[side.role];
  if (!view) return `${side.role} container ${side.container} does not exist`;
  if (!view.state.running) return `${side.role} container ${side.container} is ${view.state.status}`;
  const attachment = view.networks[network];
  if (!attachment) {
    const on = Object.keys(view.networks).join(", ") || "no network";
    return `${side.role} container ${side.container} is not on network ${network} (it is on ${on})`;
  }
  if (!attachment.aliases.includes(own)) {
    return `${side.role} container ${side.container} has no alias "${own}" on ${network} (aliases: ${attachment.aliases.join(", ") || "none"})`;
  }
  return undefined;
}

type Resolution = { ok: true; address: string } | { ok: false; problem: string };

/** Resolves the peer's alias from inside `side`, and checks it points at the peer's address. */
async function resolveFrom(
  docker: DockerProbe,
  side: Side,
  network: string,
  peerIp?: string,
): Promise<Resolution> {
  const alias = ALIAS[side.peer];
  const res = await docker.exec(side.container, side.lookup(alias));
  const address = res.stdout.trim().split(/\s+/)[0] ?? "";
  if (res.exitCode !== 0 || !address) {
    const why = res.stderr.trim() || `lookup exited with code ${res.exitCode}`;
    return { ok: false, problem: `${side.role} cannot resolve "${alias}" on ${network}: ${why}` };
  }
  if (peerIp && address !== peerIp) {
    const problem = `${side.role} resolves "${alias}" to ${address}, but ${side.peer}'s address on ${network} is ${peerIp}`;
    return { ok: false, problem };
  }
  return { ok: true, address };
}
