import { DOCKER_DNS, HTTP_PORT, SERVED_BY } from "./topology";

/**
 * web's server block: every answer names the task container that served it (nginx's `$hostname`
 * is the container's host name, one per task), which is how spreading and failover show.
 */
export function webServerBlock(): string {
  return `server {
    listen ${HTTP_PORT} default_server;
    location / {
        default_type text/plain;
        add_header Cache-Control no-store;
        return 200 "${SERVED_BY}$hostname\\n";
    }
}
`;
}

/**
 * The ingress's server blocks: the student's host goes to web, any other host gets a 404. The
 * upstream is a variable, so nginx asks Docker's DNS at request time (cached 5 s) instead of
 * once at start: with `dnsrr` it gets every task's address, rotated per request, and follows
 * tasks that are replaced; a task that died meanwhile is skipped for the next address.
 */
export function ingressServerBlocks(host: string, webService: string): string {
  return `resolver ${DOCKER_DNS} valid=5s ipv6=off;
resolver_timeout 2s;

server {
    listen ${HTTP_PORT} default_server;
    server_name _;
    return 404;
}

server {
    listen ${HTTP_PORT};
    server_name ${host};
    location / {
        set $web http://${webService}:${HTTP_PORT};
        proxy_pass $web;
        proxy_set_header Host $host;
        proxy_connect_timeout 1s;
        proxy_next_upstream error timeout http_502 http_503;
        proxy_next_upstream_tries 3;
    }
}
`;
}
