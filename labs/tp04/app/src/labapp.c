/*
 * labapp: the small web service of lab tp04 (writing and optimising a Dockerfile).
 *
 *   labapp serve [--port N]   answer HTTP on port N (default 8080) until SIGTERM
 *   labapp health [--port N]  exit 0 when the local server answers GET /healthz with 200
 *   labapp version            print the version and exit
 *
 * Routes: GET / (greeting with APP_MESSAGE and the uid serving it), GET /healthz, and
 * GET /private, which wants the header "Authorization: Bearer $APP_TOKEN". The token comes
 * from the environment at run time: it never belongs in the image.
 *
 * One request at a time, no dependencies: it builds with any C compiler and links statically.
 */
#define _GNU_SOURCE /* strcasestr */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define VERSION "1.0.0"
#define DEFAULT_PORT 8080

static volatile sig_atomic_t stopping = 0;

/* As PID 1 a process gets no default signal handling: without a handler, `docker stop` waits
 * its full timeout and then kills. */
static void on_signal(int sig) {
  (void)sig;
  stopping = 1;
}

static int port_arg(int argc, char **argv) {
  for (int i = 2; i + 1 < argc; i++) {
    if (strcmp(argv[i], "--port") == 0) return atoi(argv[i + 1]);
  }
  return DEFAULT_PORT;
}

static void respond(int fd, int status, const char *reason, const char *body) {
  char head[256];
  int n = snprintf(head, sizeof head,
                   "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
                   "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                   status, reason, strlen(body));
  if (write(fd, head, (size_t)n) < 0 || write(fd, body, strlen(body)) < 0) perror("write");
}

/* True when the request carries "Authorization: Bearer <APP_TOKEN>". */
static int authorized(const char *request, const char *token) {
  const char *line = strcasestr(request, "\r\nAuthorization: Bearer ");
  if (!line) return 0;
  line += strlen("\r\nAuthorization: Bearer ");
  size_t len = strcspn(line, "\r\n");
  return len == strlen(token) && strncmp(line, token, len) == 0;
}

static void handle(int fd) {
  char req[4096];
  ssize_t got = read(fd, req, sizeof req - 1);
  if (got <= 0) return;
  req[got] = '\0';
  char method[8] = "", path[256] = "";
  if (sscanf(req, "%7s %255s", method, path) != 2 || strcmp(method, "GET") != 0) {
    respond(fd, 405, "Method Not Allowed", "only GET\n");
    return;
  }
  char body[512];
  if (strcmp(path, "/healthz") == 0) {
    respond(fd, 200, "OK", "ok\n");
  } else if (strcmp(path, "/") == 0) {
    const char *message = getenv("APP_MESSAGE");
    snprintf(body, sizeof body, "labapp %s: %s (uid %u)\n", VERSION,
             message ? message : "hello", (unsigned)getuid());
    respond(fd, 200, "OK", body);
  } else if (strcmp(path, "/private") == 0) {
    const char *token = getenv("APP_TOKEN");
    if (!token || !*token) respond(fd, 503, "Service Unavailable", "APP_TOKEN is not set\n");
    else if (!authorized(req, token)) respond(fd, 401, "Unauthorized", "bearer token required\n");
    else respond(fd, 200, "OK", "private: access granted\n");
  } else {
    respond(fd, 404, "Not Found", "not found\n");
  }
}

static int serve(int port) {
  struct sigaction sa = {0};
  sa.sa_handler = on_signal; /* no SA_RESTART: accept() returns EINTR and the loop ends */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  int srv = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  if (bind(srv, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(srv, 16) < 0) {
    perror("labapp: cannot listen"); /* e.g. a port below 1024 without root */
    return 1;
  }
  printf("labapp %s listening on :%d as uid %u\n", VERSION, port, (unsigned)getuid());
  fflush(stdout);
  struct timeval timeout = {.tv_sec = 5};
  while (!stopping) {
    int fd = accept(srv, NULL, NULL);
    if (fd < 0) continue;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    handle(fd);
    close(fd);
  }
  close(srv);
  puts("labapp: stopped");
  return 0;
}

/* The HEALTHCHECK command: the runtime image has no curl, so the binary checks itself. */
static int health(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct timeval timeout = {.tv_sec = 2};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
    perror("labapp health: connect");
    return 1;
  }
  const char *req = "GET /healthz HTTP/1.0\r\n\r\n";
  char resp[64] = "";
  if (write(fd, req, strlen(req)) < 0 || read(fd, resp, sizeof resp - 1) <= 0) {
    perror("labapp health");
    return 1;
  }
  close(fd);
  int ok = strncmp(resp, "HTTP/1.1 200", 12) == 0;
  puts(ok ? "healthy" : "unhealthy");
  return ok ? 0 : 1;
}

int main(int argc, char **argv) {
  const char *command = argc > 1 ? argv[1] : "";
  if (strcmp(command, "serve") == 0) return serve(port_arg(argc, argv));
  if (strcmp(command, "health") == 0) return health(port_arg(argc, argv));
  if (strcmp(command, "version") == 0) {
    printf("labapp %s\n", VERSION);
    return 0;
  }
  fprintf(stderr, "usage: labapp serve [--port N] | health [--port N] | version\n");
  return 2;
}
