import { checkDockerfile } from "./dockerfile-rules";

const GOOD = `ARG BUILD_IMAGE=gcc:13
ARG RUNTIME_IMAGE=debian:bookworm-slim
FROM $BUILD_IMAGE AS build
COPY src/ /src/
RUN gcc -static -o /app /src/app.c
FROM $RUNTIME_IMAGE
COPY --from=build /app /usr/local/bin/app
USER 10001
HEALTHCHECK --interval=5s CMD ["app", "health"]
ENTRYPOINT ["app"]
CMD ["serve"]
`;
const IGNORE = "*.md\n";

/** The problem each rule reports (undefined when it holds). */
const problems = (dockerfile: string, dockerignore: string | undefined = IGNORE) =>
  Object.fromEntries(checkDockerfile(dockerfile, dockerignore).map((o) => [o.id, o.problem]));

const holds = (dockerfile: string, dockerignore?: string) =>
  Object.entries(problems(dockerfile, dockerignore))
    .filter(([, problem]) => problem === undefined)
    .map(([id]) => id);

describe("checkDockerfile", () => {
  it("finds nothing wrong with a good multi-stage Dockerfile", () => {
    expect(holds(GOOD)).toEqual([
      "multi-stage",
      "user",
      "healthcheck",
      "exec-entrypoint",
      "no-remote-add",
      "pinned-from",
      "dockerignore",
    ]);
  });

  it("multi-stage: one stage, a final stage FROM the build stage, or nothing copied from it", () => {
    const single = 'FROM gcc:13\nUSER 1\nHEALTHCHECK CMD ["a"]\nENTRYPOINT ["a"]\n';
    expect(problems(single)["multi-stage"]).toBe(
      "single stage (FROM gcc:13): the build tools ship in the image",
    );
    expect(problems(GOOD.replace("FROM $RUNTIME_IMAGE", "FROM build"))["multi-stage"]).toBe(
      "the final stage starts FROM stage build (line 6) and inherits its build tools",
    );
    expect(problems(GOOD.replace("COPY --from=build /app", "COPY app"))["multi-stage"]).toBe(
      "the final stage (line 6) copies nothing with COPY --from",
    );
  });

  it("user: missing, root, or after ENTRYPOINT/CMD", () => {
    expect(problems(GOOD.replace("USER 10001\n", "")).user).toBe(
      "no USER in the final stage: the app runs as root",
    );
    expect(problems(GOOD.replace("USER 10001", "USER root:root")).user).toBe(
      "USER root:root (line 8) is root",
    );
    const late = GOOD.replace("USER 10001\n", "").replace('CMD ["serve"]', 'CMD ["serve"]\nUSER app');
    expect(problems(late).user).toBe("USER (line 11) comes after ENTRYPOINT (line 9)");
    // A USER in the build stage does not count for the image that ships.
    expect(
      problems(GOOD.replace("USER 10001\n", "").replace("RUN gcc", "USER 1\nRUN gcc")).user,
    ).toBeDefined();
  });

  it("healthcheck: missing or NONE", () => {
    expect(problems(GOOD.replace(/HEALTHCHECK.*\n/, "")).healthcheck).toBe(
      "no HEALTHCHECK in the final stage",
    );
    expect(problems(GOOD.replace(/HEALTHCHECK.*\n/, "HEALTHCHECK NONE\n")).healthcheck).toBe(
      "HEALTHCHECK NONE (line 9) turns the health check off",
    );
  });

  it("exec-entrypoint: missing or in shell form", () => {
    expect(problems(GOOD.replace('ENTRYPOINT ["app"]\n', ""))["exec-entrypoint"]).toBe(
      "no ENTRYPOINT in the final stage",
    );
    expect(problems(GOOD.replace('ENTRYPOINT ["app"]', "ENTRYPOINT app serve"))["exec-entrypoint"]).toBe(
      "ENTRYPOINT (line 10) is in shell form: /bin/sh becomes PID 1 and CMD is ignored",
    );
  });

  it("no-remote-add: ADD of a URL in any stage, not of a local file", () => {
    const remote = GOOD.replace("COPY src/ /src/", "ADD --chown=1 https://example.org/app.tar.gz /src/");
    expect(problems(remote)["no-remote-add"]).toBe(
      "ADD downloads a remote URL (line 4): unverified, and fetched again on every cache miss",
    );
    expect(
      problems(GOOD.replace("COPY src/ /src/", "ADD src.tar.gz /src/"))["no-remote-add"],
    ).toBeUndefined();
  });

  it("pinned-from: no tag or latest, also through ARG defaults; digests and stage names are fine", () => {
    const latest = GOOD.replace("gcc:13", "gcc:latest").replace("debian:bookworm-slim", "debian");
    expect(problems(latest)["pinned-from"]).toBe(
      "FROM gcc:latest (line 3) uses the latest tag, FROM debian (line 6) has no tag, which means latest",
    );
    expect(problems(GOOD.replace("ARG BUILD_IMAGE=gcc:13", "ARG BUILD_IMAGE"))["pinned-from"]).toBe(
      "FROM $BUILD_IMAGE (line 3) uses an ARG without a default",
    );
    const pinned = GOOD.replace("gcc:13", "registry.local:5000/gcc@sha256:abc");
    expect(problems(pinned)["pinned-from"]).toBeUndefined();
    expect(problems(`${GOOD}FROM build AS again\n`)["pinned-from"]).toBeUndefined();
  });

  it("dockerignore: missing, or only comments", () => {
    const missing = checkDockerfile(GOOD, undefined).find((o) => o.id === "dockerignore");
    expect(missing?.problem).toBe("no .dockerignore: the whole folder is sent to the daemon");
    expect(problems(GOOD, "# nothing\n\n").dockerignore).toBe(".dockerignore has no pattern");
  });

  it("reports every rule broken when there is no FROM at all", () => {
    expect(new Set(Object.values(problems("RUN true\n")))).toEqual(new Set(["no FROM instruction"]));
  });
});
