// Child of port-allocator.test.ts: allocates ports for <count> students named <prefix>-<n>.
import { resolveHome } from "../../home/labctl-home";
import { allocatePorts } from "../../ports/port-allocator";

async function main() {
  const [root, prefix, count] = process.argv.slice(3);
  const home = resolveHome({ LABCTL_HOME: root });
  const ports: Record<string, number> = {};
  for (let i = 0; i < Number(count); i++) {
    const student = `${prefix}-${i}`;
    const got = await allocatePorts(
      home,
      { portBase: 20000, portBlockSize: 10 },
      { classId: "race", student, lab: "tp03", roles: ["web"] },
    );
    ports[student] = got.web as number;
  }
  process.stdout.write(JSON.stringify(ports));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
