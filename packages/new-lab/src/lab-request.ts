import { parseArgs } from "node:util";
import { ExitCode, NewLabError } from "./new-lab-error.ts";

export const PLATFORMS = ["docker", "swarm", "kind"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What the newcomer asked for: `npm run new-lab -- <id> --platform <platform> [--title "…"]`. */
export interface LabRequest {
  id: string;
  platform: Platform;
  title: string;
}

const USAGE = 'npm run new-lab -- <id> --platform docker|swarm|kind [--title "…"]';
const ID = /^tp\d{2}$/;

/** A starting title per platform; the newcomer changes it with --title or in src/index.ts. */
const DEFAULT_TITLES: Record<Platform, string> = {
  docker: "One nginx container on your port",
  swarm: "One nginx service on a Swarm",
  kind: "Your own Kubernetes namespace",
};

const usage = (message: string, advice = `Usage: ${USAGE}`) =>
  new NewLabError(message, advice, ExitCode.usage);

/** Parses and checks the command line; throws a usage error (64) naming what is wrong. */
export function parseLabRequest(argv: string[]): LabRequest {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw usage((err as Error).message);
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined) throw usage("Give the new lab's id.");
  if (extra.length > 0)
    throw usage(`Unexpected argument "${extra[0]}".`, `Quote a title with spaces. Usage: ${USAGE}`);
  if (!ID.test(id)) {
    throw usage(
      `Lab id "${id}" is not tp followed by two digits.`,
      `Pick one not in labs/ (\`npx labctl labs\` lists them), e.g. tp09. Usage: ${USAGE}`,
    );
  }
  const platform = parsed.values.platform;
  if (platform === undefined) throw usage("Give the lab's platform with --platform docker, swarm or kind.");
  if (!isPlatform(platform)) {
    throw usage(`Unknown platform "${platform}".`, `Use --platform ${PLATFORMS.join(", ")}.`);
  }
  const title = parsed.values.title?.trim() || DEFAULT_TITLES[platform];
  return { id, platform, title };
}

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: { platform: { type: "string" }, title: { type: "string" } },
  });

const isPlatform = (value: string): value is Platform => (PLATFORMS as readonly string[]).includes(value);
