// `npm run new-lab -- <id> --platform docker|swarm|kind [--title "…"]`: run by Node as is
// (type stripping), so it works right after `npm install`, before any build.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateLab } from "./generate-lab.ts";
import { parseLabRequest } from "./lab-request.ts";
import { ExitCode, NewLabError } from "./new-lab-error.ts";

/** The monorepo's root: the nearest folder up from `from` whose package.json declares workspaces. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && "workspaces" in JSON.parse(readFileSync(file, "utf8"))) return dir;
    if (dirname(dir) === dir) {
      throw new NewLabError(
        "Not inside the labctl repository.",
        "Run it from the repository.",
        ExitCode.usage,
      );
    }
  }
}

function main(argv: string[]): void {
  try {
    const request = parseLabRequest(argv);
    const { written } = generateLab(repoRoot(process.cwd()), request);
    const dir = `labs/${request.id}`;
    const own = written.filter((file) => file.startsWith(`${dir}/`)).length;
    process.stdout.write(
      [
        `Wrote ${dir} (${own} files) and added ${request.id} to ${written.slice(own).join(", ")}.`,
        'Next (CONTRIBUTING.md, "Add a lab"):',
        `  npm install                    # links @labctl/lab-${request.id} into the workspace`,
        `  cd ${dir} && npx jest     # its tests pass as generated`,
        "",
      ].join("\n"),
    );
  } catch (err) {
    if (!(err instanceof NewLabError)) throw err;
    process.stderr.write(`new-lab: ${err.message}\n${err.advice}\n`);
    process.exitCode = err.exitCode;
  }
}

main(process.argv.slice(2));
