// Child of environment-lock.test.ts: takes tp03/alice's lock in <home>, says "locked", waits.
import { resolveHome } from "../../home/labctl-home";
import { withEnvironmentLock } from "../environment-lock";

const home = resolveHome({ LABCTL_HOME: process.argv[3] });
withEnvironmentLock(
  home,
  { classId: "default", lab: "tp03", student: "alice" },
  "up",
  () =>
    new Promise<void>(() => {
      process.stdout.write("locked\n");
      setInterval(() => {}, 1000);
    }),
  Number(process.argv[4] ?? 20_000),
).catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
