import type { Check } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { dbIsolated } from "./db-isolated";
import { dbSecrets } from "./db-secrets";
import { failover } from "./failover";
import { ingressSpreads } from "./ingress-spreads";
import { rollingUpdate } from "./rolling-update";
import { swarmManager } from "./swarm-manager";
import { unknownHost404 } from "./unknown-host-404";
import { webConverged } from "./web-converged";

/**
 * In the order a student would debug: the swarm, web's tasks, the ingress, the database; then
 * the deep checks, which disturb web on purpose (one at a time) and put it back.
 */
export const TP07_CHECKS: Check<Tp07Outputs>[] = [
  swarmManager,
  webConverged,
  ingressSpreads,
  unknownHost404,
  dbSecrets,
  dbIsolated,
  rollingUpdate,
  failover,
];
