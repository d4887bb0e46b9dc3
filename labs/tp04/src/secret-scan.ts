import type { ImageView } from "@labctl/sdk";

/** `NAME=value` or `NAME: value` where the name says it is a credential. */
const ASSIGNMENT =
  /([A-Za-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]*)\s*[=:]\s*("?)([^\s"]*)/gi;

/**
 * Where credentials hide in an image, found without printing them: values are never part of a
 * finding. Looks at the environment and at every history step's command, which records ENV,
 * ARG values used by RUN (`|1 TOKEN=... /bin/sh -c ...`) and the RUN command lines themselves.
 */
export function findSecrets(image: ImageView, known: Record<string, string>): string[] {
  const findings = new Set<string>();
  for (const entry of image.env) {
    for (const name of credentialNames(entry)) findings.add(`ENV ${name} is set in the image`);
  }
  image.history.forEach((step, index) => {
    const where = `history step ${image.history.length - index} (${keyword(step.createdBy)})`;
    for (const name of credentialNames(step.createdBy)) findings.add(`${where} records ${name}=…`);
  });
  for (const [name, value] of Object.entries(known)) {
    if (value.length < 6) continue; // too short to be told apart from ordinary text
    const inEnv = image.env.some((entry) => entry.includes(value));
    const steps = image.history.filter((step) => step.createdBy.includes(value));
    if (inEnv || steps.length > 0) {
      const places = [inEnv && "its environment", steps.length > 0 && `${steps.length} history step(s)`];
      findings.add(`the generated ${name} is in ${places.filter(Boolean).join(" and ")}`);
    }
  }
  return [...findings];
}

/** Credential-looking names assigned a literal (not `$VAR`, not a `*_FILE` path) in the text. */
function credentialNames(text: string): string[] {
  const names: string[] = [];
  for (const [, name = "", , value = ""] of text.matchAll(ASSIGNMENT)) {
    if (value === "" || value.startsWith("$") || /_FILE$/i.test(name)) continue;
    names.push(name);
  }
  return names;
}

/** The Dockerfile instruction a history step came from, as `docker history` hints at it. */
function keyword(createdBy: string): string {
  const nop = /#\(nop\)\s+([A-Z]+)/.exec(createdBy);
  if (nop?.[1]) return nop[1];
  const buildkit = /^([A-Z]+)\s/.exec(createdBy);
  return buildkit?.[1] && buildkit[1] !== "RUN" ? buildkit[1] : "RUN";
}
