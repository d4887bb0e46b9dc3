import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt cost: the registry checks the password on every request, so keep it moderate. */
const COST = 10;

/**
 * One htpasswd line (`user:$2b$...`), the only format the registry's htpasswd auth accepts.
 * The salt is derived from the user and password instead of drawn at random, so the same
 * credentials always give the same line and `labctl up` twice does not replace the registry.
 */
export function htpasswdLine(user: string, password: string): string {
  if (user.includes(":")) throw new Error(`htpasswd user "${user}" must not contain ":"`);
  const seed = createHash("sha256").update(`labctl-htpasswd\0${user}\0${password}`).digest();
  const salt = `$2b$${COST}$${bcrypt.encodeBase64(seed, 16)}`;
  return `${user}:${bcrypt.hashSync(password, salt)}`;
}
