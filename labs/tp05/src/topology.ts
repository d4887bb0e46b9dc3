/** Fixed facts of the tp05 environment, shared by the program and the checks. */

/** Names the containers answer to on the lab network; WORDPRESS_DB_HOST names the database by its alias. */
export const ALIAS = { wordpress: "wordpress", mariadb: "mariadb" } as const;

/** Where the MariaDB image keeps its data. */
export const DB_DATA_DIR = "/var/lib/mysql";

/** WordPress's content folder in the official image (the rest of /var/www/html is WordPress itself). */
export const CONTENT_DIR = "/var/www/html/wp-content";

/** Port Apache listens on inside the WordPress container. */
export const WORDPRESS_PORT = 80;

/** Database and application user MariaDB creates on first boot for WordPress (the course's values). */
export const WORDPRESS_DB = { database: "wordpress", user: "wordpress" } as const;

/** MariaDB 11 images ship `mariadb` and no `mysql` client. */
export const SQL_CLIENT = "mariadb" as const;
