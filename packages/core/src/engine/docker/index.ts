export { dockerClient } from "../../probes/docker-client";
export { createDockerEngine } from "./docker-engine";
