import { PassThrough } from "node:stream";
import { confirmDestructive, type Terminal } from "./confirm";

/** A fake terminal: what the person types, and what they were asked. */
function terminal(tty: boolean): Terminal & {
  input: PassThrough;
  asked: () => string;
  type: (text: string) => void;
} {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty });
  let asked = "";
  output.on("data", (chunk) => {
    asked += String(chunk);
  });
  return { input, output, asked: () => asked, type: (text) => input.write(text) };
}

describe("confirmDestructive", () => {
  it("--yes answers in advance: no question, even without a terminal", async () => {
    const t = terminal(false);
    await expect(
      confirmDestructive("class down removes 3 environments", { yes: true, terminal: t }),
    ).resolves.toBe(true);
    expect(t.asked()).toBe("");
  });

  it("without a terminal and without --yes it refuses with exit 64 and says to pass --yes", async () => {
    const t = terminal(false);
    await expect(
      confirmDestructive("class down removes 3 environments", { terminal: t }),
    ).rejects.toMatchObject({
      exitCode: 64,
      code: "NOT_CONFIRMED",
      message: "class down removes 3 environments: pass --yes to confirm (no terminal to ask on).",
    });
  });

  it("a terminal is asked; y (or yes) continues", async () => {
    for (const answer of ["y", "YES", " y "]) {
      const t = terminal(true);
      const asking = confirmDestructive("gc --all removes 2 environments", { terminal: t });
      t.type(`${answer}\n`);
      await expect(asking).resolves.toBe(true);
      expect(t.asked()).toContain("gc --all removes 2 environments. Type y to continue");
    }
  });

  it("anything else, or the end of input, declines", async () => {
    for (const answer of ["n\n", "\n", "sure\n"]) {
      const t = terminal(true);
      const asking = confirmDestructive("class down removes 1 environment", { terminal: t });
      t.type(answer);
      await expect(asking).resolves.toBe(false);
    }
    const t = terminal(true);
    const asking = confirmDestructive("class down removes 1 environment", { terminal: t });
    t.input.end();
    await expect(asking).resolves.toBe(false);
  });

  it("Ctrl-C at the question exits 130, nothing removed", async () => {
    const t = terminal(true);
    const asking = confirmDestructive("class down removes 1 environment", { terminal: t });
    t.type("\u0003");
    await expect(asking).rejects.toMatchObject({ exitCode: 130, code: "INTERRUPTED" });
  });
});
