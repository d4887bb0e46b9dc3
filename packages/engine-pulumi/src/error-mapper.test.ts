import { LabctlError } from "@labctl/sdk";
import { toLabctlError } from "./error-mapper";

const alice = { lab: "tp03", student: "alice", classId: "default" };
const named = (name: string, message: string) => Object.assign(new Error(message), { name });
const commandError = (stderr: string) =>
  named(
    "CommandError",
    `code: 255\n stdout: Updating (alice)\n stderr: ${stderr}\n err?: Error: Command failed`,
  );

describe("toLabctlError", () => {
  it("turns a locked stack into advice naming the environment (exit 75)", () => {
    const err = toLabctlError(
      named("ConcurrentUpdateError", "the stack is currently locked by 1 lock(s)"),
      alice,
    );
    expect(err).toMatchObject({ exitCode: 75, code: "LOCKED" });
    expect(err.message).toContain("tp03/alice");
    expect(err.advice).toContain("`labctl repair tp03`");
  });

  it("names the class when there is one", () => {
    const err = toLabctlError(named("StackNotFoundError", "no stack named 'b2.alice' found"), {
      ...alice,
      classId: "b2",
    });
    expect(err).toMatchObject({
      code: "NOT_FOUND",
      message: "There is no environment tp03/alice (class b2).",
    });
  });

  it("keeps the CLI's specific error lines and drops the generic ones", () => {
    const err = toLabctlError(
      commandError(
        "error: update failed\n  docker:index/container:Container (tp03-alice-ghost):\n    error: port 8080 is already allocated\n",
      ),
      alice,
    );
    expect(err).toMatchObject({ code: "PULUMI_FAILED", exitCode: 2 });
    expect(err.message).toBe("Pulumi failed for tp03/alice: port 8080 is already allocated");
  });

  it("falls back to the last stderr line and recognises known causes", () => {
    const err = toLabctlError(
      commandError("Cannot connect to the Docker daemon at unix:///var/run/docker.sock"),
      alice,
    );
    expect(err.message).toMatch(/Cannot connect to the Docker daemon/);
    expect(err.advice).toMatch(/^Start Docker/);
    const other = toLabctlError(commandError("error: something new"), alice);
    expect(other.advice).toContain("labctl repair tp03");
  });

  it("passes LabctlErrors through and wraps anything else with its cause", () => {
    const mine = new LabctlError("m", "a");
    expect(toLabctlError(mine, alice)).toBe(mine);
    const boom = new TypeError("x is not a function\n    at foo (bar.js:1:1)");
    expect(toLabctlError(boom, alice)).toMatchObject({
      code: "ENGINE_FAILED",
      message: "The Pulumi engine failed for tp03/alice: x is not a function",
      cause: boom,
    });
  });
});
