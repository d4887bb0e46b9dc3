import { dockerHostOf } from "@labctl/docker";
import type Dockerode from "dockerode";

/** The engine's host as labctl names it (the key of the swarm record, and for messages). */
export function engineHost(docker: Dockerode): string {
  const known = dockerHostOf(docker);
  if (known) return known;
  // A client not made by dockerClient (tests, labs' helpers): read what dockerode was given.
  const modem = docker.modem as { socketPath?: string; host?: string; port?: number; protocol?: string };
  if (modem.socketPath) return `unix://${modem.socketPath}`;
  return `${modem.protocol === "ssh" ? "ssh" : "tcp"}://${modem.host}:${modem.port}`;
}
