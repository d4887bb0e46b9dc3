import { LabctlError } from "@labctl/sdk";
import { Errors } from "@oclif/core";
import { renderFailure, wantsJson } from "./render-failure";
import { unknownCommandError } from "./unknown-command";
import { usageError } from "./usage-error";

function render(error: unknown, json: boolean, env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const code = renderFailure(error, {
    json,
    env,
    commandId: "class:up",
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
  });
  return { code, stdout, stderr };
}

describe("renderFailure", () => {
  const error = new LabctlError('Unknown lab "tp99".', "Available labs: tp01.", 64, "UNKNOWN_LAB");

  it("prints message and advice on stderr, nothing on stdout", () => {
    expect(render(error, false)).toEqual({
      code: 64,
      stdout: "",
      stderr: 'Error: Unknown lab "tp99".\nAvailable labs: tp01.\n',
    });
  });

  it("under --json prints exactly one document on stdout", () => {
    const out = render(error, true);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({
      error: {
        code: "UNKNOWN_LAB",
        message: 'Unknown lab "tp99".',
        advice: "Available labs: tp01.",
        exitCode: 64,
      },
    });
  });

  it("oclif's errors are usage errors (64), with no oclif internals", () => {
    const out = render(new Errors.CLIError("Flag --student expects a value"), true);
    expect(out.code).toBe(64);
    expect(JSON.parse(out.stdout).error).toEqual({
      code: "USAGE",
      message: "Flag --student expects a value.",
      advice: "Run `labctl class up --help` for its arguments and flags.",
      exitCode: 64,
    });
  });

  it("DEBUG=labctl adds where it happened, on stderr only", () => {
    const out = render(new TypeError("x is undefined"), true, { DEBUG: "labctl" });
    expect(JSON.parse(out.stdout).error.code).toBe("INTERNAL");
    expect(out.stderr).toMatch(/^TypeError: x is undefined\n\s+at /);
  });

  it("an exit requested through oclif passes its code on and prints nothing", () => {
    expect(render(new Errors.ExitError(75), true)).toEqual({ code: 75, stdout: "", stderr: "" });
  });

  it("an unexpected error is exit 2 (never 1) with the bug advice and no stack", () => {
    const out = render(new TypeError("x is undefined"), false);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^Error: Unexpected error: TypeError: x is undefined\nThis looks like a labctl bug/,
    );
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("usageError", () => {
  it("rephrases oclif's integer and option messages as one sentence", () => {
    const range = new Errors.CLIError(
      "Parsing --concurrency \n\tExpected an integer greater than or equal to 1 but received: 0\nSee more help with --help",
    );
    expect(usageError(range, "class:up").message).toBe(
      '--concurrency must be an integer greater than or equal to 1 (got "0").',
    );
    const option = new Errors.CLIError(
      "Expected --engine=bogus to be one of: pulumi, docker\nSee more help with --help",
    );
    expect(usageError(option, "up").message).toBe('--engine must be one of pulumi, docker (got "bogus").');
  });
});

describe("unknownCommandError", () => {
  const commands = { commandIDs: ["verify", "up", "class:up", "class:down"], topics: [{ name: "class" }] };

  it("suggests the closest command for a typo, and the topic's help inside a topic", () => {
    expect(unknownCommandError("verfy", commands)).toMatchObject({
      exitCode: 64,
      message: '"verfy" is not a labctl command. Did you mean "verify"?',
      advice: "Run `labctl help` for the list of commands.",
    });
    expect(unknownCommandError("class:dwn", commands)).toMatchObject({
      message: '"class dwn" is not a labctl command. Did you mean "class down"?',
      advice: "Run `labctl help class` for the list of commands.",
    });
  });

  it("reads the words oclif folded into the id: a command's extra words, or a typo and its arguments", () => {
    expect(unknownCommandError("class:up:tp03:extra", { ...commands })).toMatchObject({
      message: "Unexpected arguments: tp03, extra.",
      advice: "Run `labctl class up --help` for its arguments and flags.",
    });
    expect(unknownCommandError("verfy:tp03", commands).message).toBe(
      '"verfy" is not a labctl command. Did you mean "verify"?',
    );
    expect(unknownCommandError("class:fly:tp03", commands).message).toMatch(/^"class fly" is not/);
  });

  it("suggests nothing for a word that is not close to any command", () => {
    expect(unknownCommandError("xyzzyplugh", commands).message).toBe('"xyzzyplugh" is not a labctl command.');
  });
});

describe("wantsJson", () => {
  it("sees --json before `--` only, or LABCTL_CONTENT_TYPE=json", () => {
    expect(wantsJson(["up", "tp03", "--json"], {})).toBe(true);
    expect(wantsJson(["up", "--", "--json"], {})).toBe(false);
    expect(wantsJson(["up"], { LABCTL_CONTENT_TYPE: "JSON" })).toBe(true);
  });
});
