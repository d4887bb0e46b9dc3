/** What the tp03 program exports, as checks see it once resolved (secrets in clear). */
export type Tp03Outputs = {
  /** Ghost's public URL, the one configured in Ghost's `url` setting. */
  ghostUrl: string;
  ghostContainer: string;
  mysqlContainer: string;
  /** The user-defined bridge network both containers share. */
  network: string;
  /** The named volume holding MySQL's data directory. */
  volume: string;
  database: string;
  mysqlUser: string;
  mysqlPassword: string;
  mysqlRootPassword: string;
};
