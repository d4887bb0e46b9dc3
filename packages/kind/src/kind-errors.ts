import { ExitCode, LabctlError } from "@labctl/sdk";
import { parsePhase } from "./kind-phases";
import { commandName, KindCommandError, type KindRun } from "./run-kind";

const KNOWN_ISSUES = "https://kind.sigs.k8s.io/docs/user/known-issues/";

interface Known {
  code: string;
  pattern: RegExp;
  explain: (match: RegExpExecArray, what: string, output: string) => [message: string, advice: string];
}

/** The reason Docker gave, from kind's "Command Output: …" lines. */
const dockerSaid = (output: string) =>
  /Command Output: (?:[0-9a-f]{64}\s+)?(.+)/.exec(output)?.[1]?.trim().replace(/\.$/, "");

/** The failures kind users meet most, in the words kind and Docker print them. */
const KNOWN: Known[] = [
  {
    code: "KIND_CLUSTER_EXISTS",
    pattern: /node\(s\) already exist for a cluster with the name "([^"]+)"/,
    explain: ([, name]) => [
      `A kind cluster named "${name}" already exists.`,
      `Delete it with \`kind delete cluster --name ${name}\` if it is a leftover, or choose another name.`,
    ],
  },
  {
    code: "KIND_PORT_IN_USE",
    pattern:
      /Bind for (\S+?) failed: port is already allocated|listen \w+ (\S+?): bind: address already in use|failed to bind host port for ((?:\d{1,3}\.){3}\d{1,3}:\d+)|port is already allocated|address already in use/,
    explain: ([, bind, listen, hostPort], what) => {
      const address = bind ?? listen ?? hostPort;
      const port = address?.split(":").pop();
      return [
        `${what}: host port ${address ?? "(one of its port mappings)"} is already in use.`,
        port
          ? `Free it (\`ss -ltnp 'sport = :${port}'\` names the process, \`docker ps --filter publish=${port}\` the container) or map another host port, then retry.`
          : "Free the host ports of the cluster's port mappings (`ss -ltnp` lists who holds them), or map others, then retry.",
      ];
    },
  },
  {
    code: "KIND_NODE_IMAGE",
    pattern: /failed to pull image "([^"]+)"/,
    explain: ([, image], what, output) => [
      `${what}: the node image ${image} could not be pulled${dockerSaid(output) ? ` (${dockerSaid(output)})` : ""}.`,
      `Check this host's access to the registry (proxy, DNS, Docker Hub rate limits: \`docker login\`), or pull it first with \`docker pull ${image}\`; offline, \`docker load\` it from an archive.`,
    ],
  },
  {
    code: "KIND_CLUSTER_NOT_FOUND",
    pattern:
      /could not locate any control plane nodes for cluster named '([^']+)'|no nodes found for cluster "([^"]+)"/,
    explain: ([, named, quoted]) => [
      `No kind cluster named "${named ?? quoted}" exists.`,
      "`kind get clusters` lists the clusters there are; create this one first.",
    ],
  },
  {
    code: "KIND_IMAGE_NOT_LOCAL",
    pattern: /image: "([^"]+)" not present locally/,
    explain: ([, image]) => [
      `The image ${image} is not in the local Docker engine, so kind cannot load it into the cluster.`,
      `Build or pull it first (\`docker pull ${image}\`), then load it again.`,
    ],
  },
  {
    code: "KIND_KEYRING_LIMIT",
    pattern: /session keyring|kernel\.keys\.maxkeys|keyring.*quota exceeded/i,
    explain: (_, what) => [
      `${what}: the kernel's key quota is exhausted (every node container takes session keys).`,
      "Raise the per-user key limits, e.g. `sudo sysctl -w kernel.keys.maxkeys=20000 kernel.keys.maxbytes=400000` " +
        `(persist them in /etc/sysctl.d/), or run fewer clusters at once. See ${KNOWN_ISSUES}`,
    ],
  },
  {
    code: "KIND_INOTIFY_LIMIT",
    pattern: /too many open files|max_user_watches|max_user_instances|inotify/i,
    explain: (_, what) => [
      `${what}: the host ran out of inotify watches or instances ("too many open files").`,
      "Raise the limits: `sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512` " +
        `(persist them in /etc/sysctl.conf), as kind's known issues advise: ${KNOWN_ISSUES}#pod-errors-due-to-too-many-open-files`,
    ],
  },
  {
    code: "KIND_DOCKER_UNREACHABLE",
    pattern:
      /Cannot connect to the Docker daemon|permission denied while trying to connect to the Docker daemon/,
    explain: (_, what) => [
      `${what}: kind could not reach the Docker engine.`,
      "Start Docker (or check DOCKER_HOST) and make sure this user may use it (`docker info` must work), then retry.",
    ],
  },
];

/** The last lines kind printed, its step lines left out. */
function lastLines(run: KindRun, count = 6): string {
  const lines = `${run.stderr}\n${run.stdout}`
    .split(/\r\n|\n|\r/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !parsePhase(line));
  return lines.slice(-count).join("\n");
}

/**
 * The LabctlError for a kind command that exited non-zero; kind's output stays in its cause.
 * `what` opens the message, e.g. 'kind could not create cluster "tp08-ada"'.
 */
export function kindFailure(run: KindRun, what = `\`${commandName(run.args)}\` failed`): LabctlError {
  const output = `${run.stderr}\n${run.stdout}`;
  const cause = { cause: new KindCommandError(run) };
  for (const known of KNOWN) {
    const match = known.pattern.exec(output);
    if (!match) continue;
    const [message, advice] = known.explain(match, what, output);
    return new LabctlError(message, advice, ExitCode.infrastructure, known.code, cause);
  }
  return new LabctlError(
    `\`${commandName(run.args)}\` failed with exit code ${run.exitCode}. kind said:\n${lastLines(run) || "(nothing)"}`,
    `Look for the cause in kind's words above and in ${KNOWN_ISSUES}; rerun the command by hand to see all of its output.`,
    ExitCode.infrastructure,
    "KIND_FAILED",
    cause,
  );
}
