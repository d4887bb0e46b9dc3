// Child of docker-engine-loading.test.ts, run by ts-child.js: reads tp99/alice's saved outputs in
// <home> with the docker engine (or, as the control, loads the program runner as `up` does) and
// prints them with the Pulumi SDK modules this process loaded.
import { type EnvironmentSpec, loadEngine, resolveHome } from "@labctl/core";

const [, , , root, mode] = process.argv;
const home = resolveHome({ LABCTL_HOME: root });
const spec = {
  lab: { id: "tp99" },
  student: { id: "alice" },
  classId: "default",
} as unknown as EnvironmentSpec;
// Nothing may ask Docker: the outputs come from the file.
const engine = loadEngine("docker", home, { dockerHost: "unix:///nonexistent/docker.sock" });
// The control: the program runner, which `up` reads from core (a lazy name) when it runs a program.
if (mode === "program-run") void require("@labctl/core").runProgram;
engine.outputs(spec).then(
  (outputs) => {
    const pulumi = Object.keys(require.cache).filter((m) => m.includes("/node_modules/@pulumi/"));
    process.stdout.write(JSON.stringify({ outputs, pulumi }));
  },
  (error) => {
    process.stderr.write(String(error?.stack ?? error));
    process.exit(1);
  },
);
