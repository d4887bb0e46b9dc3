/** What the tp07 program exports, as checks see it once resolved (secrets in clear). */
export interface Tp07Outputs extends Record<string, unknown> {
  /** http://<bind>:<port>/ : the ingress as published on this machine. */
  url: string;
  /** The student's host name the ingress routes: `<student>.tp07.localhost`. */
  host: string;
  /** Swarm service names. */
  services: { ingress: string; web: string; db: string };
  /** Overlay network names. */
  networks: { front: string; back: string };
  /** Docker secret names mounted in db (files under /run/secrets/<name>). */
  dbSecrets: string[];
  /** The web config's name (a Swarm config holding nginx's server block). */
  webConfig: string;
  /** The values behind the secrets, for checks that prove they are absent elsewhere. */
  dbRootPassword: string;
  dbPassword: string;
  /** The publishing mode the program used (ctx.swarm?.mode ?? "host"). */
  publishMode: "mesh" | "host";
  replicas: number; // 3
}
