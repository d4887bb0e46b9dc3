// A TCP connect probe run inside a student's container (`sh -c SCRIPT probe TIMEOUT ip:port...`).
// It prints one "ip:port 0" line per target that accepted a connection ("ip:port 1" otherwise)
// and exits 127 when the container has no tool to connect with. Targets are probed in parallel,
// so unreachable ones (dropped by Docker's isolation rules) cost one timeout in all, not each.
const NODE = [
  'const net = require("net");',
  "const [t, ...targets] = process.argv.slice(1);",
  "let left = targets.length;",
  "if (left === 0) process.exit(0);",
  "for (const target of targets) {",
  '  const i = target.lastIndexOf(":");',
  "  const socket = net.connect({ host: target.slice(0, i), port: Number(target.slice(i + 1)) });",
  "  let done = false;",
  "  const finish = (code) => {",
  "    if (done) return;",
  "    done = true;",
  "    socket.destroy();",
  '    console.log(target + " " + code);',
  "    if (--left === 0) process.exit(0);",
  "  };",
  '  socket.on("connect", () => finish(0));',
  '  socket.on("error", () => finish(1));',
  "  socket.setTimeout(Number(t) * 1000, () => finish(1));",
  "}",
].join("\n");

const PYTHON = [
  "import socket, sys, threading",
  "t = float(sys.argv[1])",
  "out = {}",
  "def probe(x):",
  '    h, p = x.rsplit(":", 1)',
  "    try:",
  "        socket.create_connection((h, int(p)), t).close()",
  "        out[x] = 0",
  "    except Exception:",
  "        out[x] = 1",
  "threads = [threading.Thread(target=probe, args=(x,)) for x in sys.argv[2:]]",
  "for th in threads: th.start()",
  "for th in threads: th.join()",
  "for x, code in out.items(): print(x, code)",
].join("\n");

export const CONNECT_SCRIPT = `
t=$1; shift
have() { command -v "$1" >/dev/null 2>&1; }
if have node; then exec node -e '${NODE}' "$t" "$@"; fi
if have python3; then exec python3 -c '${PYTHON}' "$t" "$@"; fi
if have bash && have timeout; then
  for x in "$@"; do
    ( if timeout "$t" bash -c "exec 3<>/dev/tcp/\${x%:*}/\${x##*:}" 2>/dev/null; then echo "$x 0"; else echo "$x 1"; fi ) &
  done
  wait; exit 0
fi
if have nc; then
  for x in "$@"; do
    ( if nc -z -w "$t" "\${x%:*}" "\${x##*:}" >/dev/null 2>&1; then echo "$x 0"; else echo "$x 1"; fi ) &
  done
  wait; exit 0
fi
exit 127
`;

/** The targets that accepted a connection, from the script's output. */
export function reachedTargets(stdout: string): Set<string> {
  const reached = new Set<string>();
  for (const line of stdout.split("\n")) {
    const [target, code] = line.trim().split(/\s+/);
    if (target && code === "0") reached.add(target);
  }
  return reached;
}
