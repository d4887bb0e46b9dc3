import type { Student } from "./student";
import type { SwarmPublishing } from "./swarm-publishing";

/** What a lab's program receives: everything that varies per student and per machine. */
export interface ProgramContext {
  lab: string;
  student: Student;
  /** Class (course run) id; "default" outside a class. */
  classId: string;
  /** `<lab>-<student>-<role>`: the one naming function for every object. */
  name(role: string): string;
  /** The labctl labels every Docker object, Swarm object and namespace must carry. */
  labels: Record<string, string>;
  /** Image reference for a role, after the image map (campus mirror, offline stand-ins). */
  image(role: string): string;
  /** Host port for a role declared in the lab's `ports`. */
  port(role: string): number;
  /** Address published ports bind to (127.0.0.1 unless the instructor chose another). */
  bindAddress: string;
  /** A generated secret declared in the lab's `secrets`, wrapped as a Pulumi secret. */
  secret(name: string): import("@pulumi/pulumi").Output<string>;
  /** Docker engine host (unix socket, tcp:// or ssh://) when not the default one. */
  dockerHost?: string;
  /**
   * A host directory owned by this environment (removed by `down`), for files a program
   * bind-mounts into containers. It exists on the machine running labctl, which must be the
   * Docker host for a bind mount to see it.
   */
  dataDir?: string;
  /** Swarm labs only: how services publish, chosen by labctl for this engine (see SwarmPublishing). */
  swarm?: SwarmPublishing;
  /**
   * Kubernetes labs only: the cluster the program deploys to, given to its own provider (never
   * ~/.kube/config implicitly): a kind cluster's kubeconfig file, or the instructor's shared cluster.
   */
  kubernetes?: KubernetesTarget;
}

/** A Kubernetes cluster to deploy to: a kubeconfig file and, optionally, one of its contexts. */
export interface KubernetesTarget {
  kubeconfigPath: string;
  context?: string;
  /** The IngressClass the cluster serves Ingress with (infra/kind's, or the shared cluster's). */
  ingressClass?: string;
}
