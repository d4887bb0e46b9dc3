/** What the tp06 program exports, as checks see it once resolved (secrets in clear). */
export type Tp06Outputs = {
  /** Base URL of the registry's HTTP API, e.g. http://127.0.0.1:46000 (the API is under /v2/). */
  registryUrl: string;
  /** host:port, the registry's name in image references and for `docker login`. */
  registryHost: string;
  registryContainer: string;
  /** The named volume holding the registry's storage. */
  volume: string;
  /** The htpasswd user, and its generated password. */
  registryUser: string;
  registryPassword: string;
};
