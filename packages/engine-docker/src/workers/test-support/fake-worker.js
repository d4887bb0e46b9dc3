// A stand-in worker for WorkerPool tests, speaking the same protocol as docker-worker-main:
// "up" answers after 50 ms with its pid (and the spec's docker host), "down" dies, "preview" runs
// until cancelled, "preflight" answers the job's docker host.
const cancels = new Map();

process.on("message", (message) => {
  if (message.type === "cancel") return cancels.get(message.id)?.();
  const { id, op, spec, dockerHost } = message.job;
  if (op === "preflight") return process.send({ type: "done", id, result: { dockerHost } });
  if (op === "down") {
    process.stderr.write("fatal: simulated crash\n");
    process.exit(3);
  }
  if (op === "preview") {
    cancels.set(id, () =>
      process.send({
        type: "failed",
        id,
        error: { message: "Cancelled.", advice: "again", code: "CANCELLED", exitCode: 2 },
      }),
    );
    return;
  }
  process.send({ type: "event", id, event: { kind: "step", message: `working for ${spec.student.id}` } });
  setTimeout(
    () =>
      process.send({
        type: "done",
        id,
        result: { pid: process.pid, student: spec.student.id, dockerHost: spec.dockerHost },
      }),
    50,
  );
});
process.on("disconnect", () => process.exit(0));
