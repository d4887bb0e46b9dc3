import { findSecrets } from "./secret-scan";
import { appImage } from "./test-support/tp04-fixture";

const step = (createdBy: string) => ({ createdBy, size: 0 });
const scan = (env: string[], history: string[], known: Record<string, string> = {}) =>
  findSecrets(appImage({ env, history: history.map(step) }), known);

describe("findSecrets", () => {
  it("finds nothing in the reference image", () => {
    expect(findSecrets(appImage(), { appToken: "token-Secret-1" })).toEqual([]);
  });

  it("names credential-looking variables set in the environment", () => {
    expect(scan(["API_KEY=abc123", "MYSQL_ROOT_PASSWORD=root", "GITHUB_TOKEN=ghp_x"], [])).toEqual([
      "ENV API_KEY is set in the image",
      "ENV MYSQL_ROOT_PASSWORD is set in the image",
      "ENV GITHUB_TOKEN is set in the image",
    ]);
  });

  it("finds build arguments and literals recorded by RUN steps, counting steps from the oldest", () => {
    expect(
      scan([], ["|1 NPM_TOKEN=abc /bin/sh -c npm ci", "/bin/sh -c mysql --password=hunter2 -e 'select 1'"]),
    ).toEqual(["history step 2 (RUN) records NPM_TOKEN=…", "history step 1 (RUN) records --password=…"]);
  });

  it("ignores references, empty values and *_FILE paths", () => {
    expect(
      scan(
        ["DB_PASSWORD_FILE=/run/secrets/db", "APP_TOKEN="],
        ['/bin/sh -c echo "token=$TOKEN"', "ENV SECRET=$SECRET"],
      ),
    ).toEqual([]);
  });

  it("finds a known secret's value anywhere, naming it but never printing it", () => {
    const value = "s3cr3t-Value-42";
    const findings = scan([`NOTE=${value}`], [`/bin/sh -c echo ${value} > /etc/note`], { appToken: value });
    expect(findings).toEqual(["the generated appToken is in its environment and 1 history step(s)"]);
    expect(findings.join(" ")).not.toContain(value);
  });
});
