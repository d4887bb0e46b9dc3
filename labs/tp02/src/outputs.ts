/** What the tp02 program exports, as checks see it once resolved (secrets in clear). */
export type Tp02Outputs = {
  /** Where nginx serves the bind-mounted web root, on the student's port. */
  webUrl: string;
  webContainer: string;
  /** The host directory bind-mounted as nginx's web root. */
  webRoot: string;
  dbContainer: string;
  /** The named volume holding MariaDB's data directory. */
  volume: string;
  database: string;
  rootPassword: string;
};
