// Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pid and its descendants now. */
function tree(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(entry);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

/** Samples every `everyMs` until stopped; returns peaks in MiB (the whole tree, and the root alone). */
export function sampleMemory(pid, everyMs = 100) {
  let peakTree = 0;
  let peakRoot = 0;
  let peakProcesses = 0;
  const sample = () => {
    const pids = tree(pid);
    peakProcesses = Math.max(peakProcesses, pids.length);
    peakTree = Math.max(
      peakTree,
      pids.reduce((sum, p) => sum + rssKb(p), 0),
    );
    peakRoot = Math.max(peakRoot, rssKb(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    return {
      treeMiB: Math.round(peakTree / 1024),
      rootMiB: Math.round(peakRoot / 1024),
      processes: peakProcesses,
    };
  };
}
