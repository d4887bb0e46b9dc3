import bcrypt from "bcryptjs";
import { htpasswdLine } from "./htpasswd";

describe("htpasswdLine", () => {
  it("writes user:bcrypt-hash that verifies the password and nothing else", () => {
    const line = htpasswdLine("alice", "s3cret-Pass");
    const [user, hash] = line.split(":");
    expect(user).toBe("alice");
    expect(hash).toMatch(/^\$2b\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.compareSync("s3cret-Pass", hash ?? "")).toBe(true);
    expect(bcrypt.compareSync("another", hash ?? "")).toBe(false);
    expect(line).not.toContain("s3cret-Pass");
  });

  it("is stable for the same credentials and differs when either changes", () => {
    const line = htpasswdLine("alice", "s3cret-Pass");
    expect(htpasswdLine("alice", "s3cret-Pass")).toBe(line);
    expect(htpasswdLine("alice", "s3cret-Pasz")).not.toBe(line);
    expect(htpasswdLine("bob", "s3cret-Pass").split(":")[1]).not.toBe(line.split(":")[1]);
  });

  it("refuses a user name the file format cannot hold", () => {
    expect(() => htpasswdLine("a:b", "x")).toThrow(/must not contain ":"/);
  });
});
