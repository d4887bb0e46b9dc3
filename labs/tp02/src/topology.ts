/** Fixed facts of the tp02 environment, shared by the program and the checks. */

/** Where the MariaDB image keeps its data; the named volume must be mounted here. */
export const DB_DATA_DIR = "/var/lib/mysql";

/** The database the MariaDB image creates on first boot (MARIADB_DATABASE). */
export const DATABASE = "tp02";

/** MariaDB 11 images ship the `mariadb` client only (no `mysql`). */
export const SQL_CLIENT = "mariadb";

/** The directory nginx serves in the official image: the bind mount's target. */
export const NGINX_ROOT = "/usr/share/nginx/html";

/** Port nginx listens on inside its container. */
export const NGINX_PORT = 80;

/** Title of nginx's default page: seen when the bind mount is missing. */
export const NGINX_DEFAULT_TITLE = "Welcome to nginx!";
