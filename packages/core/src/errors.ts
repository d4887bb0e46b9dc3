import { dirname, isAbsolute, relative } from "node:path";

import { ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";

// The error type and exit codes live in the sdk, below every package; core maps other errors to them.
export { ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";

/** What an error was about, so the message can name the flag or file and the exit code fit. */
export interface ErrorContext {
  /** The flag whose value is the path or URL, e.g. "--junit": a bad value is a usage error (64). */
  flag?: string;
  /** What the path is, in words: "JUnit file", "roster". */
  what?: string;
  /** "input": a file labctl reads (66 when it cannot); "output" (default): one it writes. */
  role?: "input" | "output";
  /** The labctl home: a failure inside it is the machine's (2), with advice about LABCTL_HOME. */
  home?: string;
}

type Errno = NodeJS.ErrnoException & { path?: string; input?: string; address?: string; port?: number };

const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** A connection that failed (a socket that is not there is ENOENT too, from `connect`). */
function networkError(e: Errno): LabctlError {
  const where = e.address ? `${e.address}${e.port ? `:${e.port}` : ""}` : "the engine";
  return new LabctlError(
    `Cannot connect to ${where}: ${e.code}.`,
    "Check that the Docker engine (or the service named) is running and that --docker-host, DOCKER_HOST or config dockerHost point at it.",
    ExitCode.infrastructure,
    "UNREACHABLE",
    { cause: e },
  );
}

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or folder",
  EEXIST: "it already exists",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
};

const inside = (path: string, root: string) => {
  const rel = relative(root, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
};

function fileError(e: Errno, ctx: ErrorContext): LabctlError {
  const code = e.code ?? "";
  const path = e.path ?? "";
  const input = ctx.role === "input";
  const verb = input ? "read" : e.syscall === "rmdir" || e.syscall === "unlink" ? "remove" : "write";
  const subject = [ctx.what, path].filter(Boolean).join(" ") || "a file";
  const message = `Cannot ${verb} ${subject}: ${WHY[code]}.`;
  const opts = { cause: e };
  if (code === "ENOSPC")
    return new LabctlError(
      message,
      "Free some space on that disk and run the command again.",
      ExitCode.infrastructure,
      "NO_SPACE",
      opts,
    );
  if (ctx.flag) {
    const fix =
      code === "ENOENT" && !input && path
        ? `Create the folder ${dirname(path)} first, or give ${ctx.flag} another path.`
        : `Give ${ctx.flag} ${input ? "a file you can read" : "a path you can write"}.`;
    return new LabctlError(message, fix, input ? ExitCode.missingInput : ExitCode.usage, "BAD_PATH", opts);
  }
  // An input that cannot be read (missing, a folder, no permission) is a missing input file.
  if (input)
    return new LabctlError(
      message,
      "Check the path and its permissions.",
      ExitCode.missingInput,
      "UNREADABLE_INPUT",
      opts,
    );
  const advice =
    ctx.home && inside(path, ctx.home)
      ? `labctl keeps its state in ${ctx.home}: make it writable by you, or set LABCTL_HOME to a folder you own.`
      : "Check the path and its permissions, then run the command again.";
  return new LabctlError(message, advice, ExitCode.infrastructure, "FILESYSTEM", opts);
}

/**
 * Any error as a LabctlError: Node's file-system errors name the path, the flag and the fix
 * (64 for a bad flag value, 66 for an input that cannot be read, 2 for the machine); a failed
 * connection is the machine's (2); an invalid URL is a bad value (64 from a flag, 65 from a file); anything else is a labctl bug (exit 2, never 1: 1 means "a check failed").
 */
export function toLabctlError(error: unknown, ctx: ErrorContext = {}): LabctlError {
  if (isLabctlError(error)) return error;
  const e = error as Errno;
  const errno = e && typeof e === "object" && typeof e.code === "string" ? e.code : undefined;
  if (errno && (NETWORK.has(errno) || e.syscall === "connect")) return networkError(e);
  if (errno && errno in WHY) return fileError(e, ctx);
  if (e && typeof e === "object" && (e.code === "ERR_INVALID_URL" || /Invalid URL/.test(String(e.message)))) {
    const value = e.input ? `"${e.input}"` : "A value";
    return new LabctlError(
      `${value}${ctx.flag ? ` given to ${ctx.flag}` : ""} is not a valid URL.`,
      "Docker hosts are written unix:///path/docker.sock, tcp://host:port or ssh://user@host.",
      ctx.flag ? ExitCode.usage : ExitCode.badInput,
      "BAD_URL",
      { cause: e },
    );
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new LabctlError(
    `Unexpected error: ${text.split("\n")[0]}`,
    "This looks like a labctl bug: please report it with the command you ran and this message (run it again with DEBUG=labctl to see where it happened).",
    ExitCode.infrastructure,
    "INTERNAL",
    { cause: error },
  );
}
