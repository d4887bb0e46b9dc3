/** What the tp05 program exports, as checks see it once resolved (secrets in clear). */
export type Tp05Outputs = {
  /** WordPress's address on this machine, e.g. http://127.0.0.1:45000 (the site is at the root). */
  wordpressUrl: string;
  wordpressContainer: string;
  mariadbContainer: string;
  /** The user-defined bridge network both containers share. */
  network: string;
  /** The named volume holding MariaDB's data directory. */
  dbVolume: string;
  /** The named volume holding WordPress's wp-content (themes, plugins, uploads). */
  contentVolume: string;
  database: string;
  dbUser: string;
  dbPassword: string;
  dbRootPassword: string;
  /** The administrator the deep check creates when it completes the installation. */
  adminUser: string;
  adminPassword: string;
  adminEmail: string;
};
