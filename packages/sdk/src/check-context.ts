import type { DockerProbe } from "./docker-probe";
import type { HttpProbe } from "./http-probe";
import type { LabOutputs } from "./lab";

/** What a check receives: the environment's resolved outputs and clients to probe it. */
export interface CheckContext<O extends LabOutputs = LabOutputs> {
  lab: string;
  studentId: string;
  /** The environment's outputs, secrets included in clear (checks need credentials). */
  outputs: O;
  /** `<lab>-<student>-<role>`, the same function the program used. */
  name(role: string): string;
  /** The labctl labels of this environment (lab, student, class). */
  labels: Record<string, string>;
  docker: DockerProbe;
  http: HttpProbe;
  /** Aborted when the run's global deadline passes or the user presses Ctrl-C. */
  signal: AbortSignal;
}
