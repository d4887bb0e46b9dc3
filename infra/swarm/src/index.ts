// The public API of @labctl/infra-swarm: core's InfraPackage (core/src/infra/load-infra.ts), loaded
// by name for labs whose platform is "swarm".
export { describeSwarm as describe, type SwarmFinding } from "./describe-swarm";
export { type PrepareOptions, prepareSwarm as prepare } from "./prepare-swarm";
export { releaseSwarm as release } from "./release-swarm";
