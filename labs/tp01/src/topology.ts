/** Fixed facts of the tp01 environment, shared by the program and the checks. */

/** The directory nginx serves in the official image. */
export const NGINX_ROOT = "/usr/share/nginx/html";

/** Port nginx listens on inside its container. */
export const NGINX_PORT = 80;

/** The line the hello-world image prints first: proof it ran. */
export const HELLO_GREETING = "Hello from Docker!";

/** Title of nginx's default page: seen when the student's page is not in place. */
export const NGINX_DEFAULT_TITLE = "Welcome to nginx!";
