/** Fixed facts of the tp03 environment, shared by the program and the checks. */

/** Names the containers answer to on the lab network (Compose would use the service names). */
export const ALIAS = { ghost: "ghost", mysql: "mysql" } as const;

/** Where the MySQL image keeps its data; the named volume must be mounted here. */
export const MYSQL_DATA_DIR = "/var/lib/mysql";

/** Port Ghost listens on inside its container. */
export const GHOST_PORT = 2368;

/** Database and application user the MySQL image creates on first boot for Ghost. */
export const GHOST_DB = { database: "ghost", user: "ghost" } as const;
