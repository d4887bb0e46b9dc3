import type { DockerProbe, TaskView } from "@labctl/sdk";

/** A running task of `service` that has its container, or why there is none (the engine's words). */
export async function runningTask(
  docker: DockerProbe,
  service: string,
): Promise<{ task: TaskView & { containerId: string } } | { problem: string }> {
  const tasks = await docker.tasks(service);
  const task = tasks.find((t) => t.desiredState === "running" && t.state === "running" && t.containerId);
  if (task?.containerId) return { task: { ...task, containerId: task.containerId } };
  const latest = [...tasks].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const why = latest ? `: its latest task is ${latest.state}${latest.error ? ` (${latest.error})` : ""}` : "";
  return { problem: `${service} has no running task${why}` };
}
