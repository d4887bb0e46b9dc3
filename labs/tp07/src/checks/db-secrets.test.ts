import { swarmView } from "@labctl/testing";
import {
  dbContainer,
  dbService,
  dbTask,
  lsSecrets,
  OUTPUTS,
  runCheck,
  webService,
} from "../test-support/checks-fixture";
import { dbSecrets, pathsHolding } from "./db-secrets";

const db = OUTPUTS.services.db;

describe("db-secrets", () => {
  it("passes when both secrets are files in the db task and no password is in clear", async () => {
    expect(await runCheck(dbSecrets)).toEqual({
      status: "pass",
      message:
        "tp07-alice-db.1.dbtask1 has tp07-alice-db-root-password and tp07-alice-db-password under /run/secrets; neither password is in its environment or in the spec `docker service inspect tp07-alice-db` shows",
    });
  });

  it("grades the current spec, and names a password an earlier spec (PreviousSpec) still shows", async () => {
    const inspect = JSON.stringify({
      Spec: { TaskTemplate: { ContainerSpec: { Env: ["MARIADB_USER=tp07"] } } },
      PreviousSpec: { TaskTemplate: { ContainerSpec: { Env: [`MARIADB_PASSWORD=${OUTPUTS.dbPassword}`] } } },
    });
    const result = await runCheck(dbSecrets, { services: [webService(), dbService({ inspect })] });
    expect(result.status).toBe("pass");
    expect(result.message).toContain(
      "but its PreviousSpec, kept for `docker service rollback`, still shows one (at PreviousSpec.TaskTemplate.ContainerSpec.Env[0])",
    );
    expect(result.message).not.toContain(OUTPUTS.dbPassword);
  });

  it("fails when a password is in the environment (and so in the spec), naming only the variable", async () => {
    const env = { MARIADB_ROOT_PASSWORD: OUTPUTS.dbRootPassword, MARIADB_USER: "tp07" };
    const inspect = JSON.stringify({
      Spec: {
        TaskTemplate: {
          ContainerSpec: { Env: ["MARIADB_USER=tp07", `MARIADB_ROOT_PASSWORD=${OUTPUTS.dbRootPassword}`] },
        },
      },
    });
    const leaky = dbService({ inspect });
    const result = await runCheck(dbSecrets, {
      services: [webService(), leaky],
      containers: [dbContainer({ env })],
    });
    expect(result).toEqual({
      status: "fail",
      message:
        "`docker service inspect tp07-alice-db` shows a password in clear, at Spec.TaskTemplate.ContainerSpec.Env[1]; the environment of tp07-alice-db.1.dbtask1 holds a password in clear: MARIADB_ROOT_PASSWORD",
    });
    expect(result.message).not.toContain(OUTPUTS.dbRootPassword);
  });

  it("fails when a secret is removed from the service and its file is gone", async () => {
    const without = dbService({ secrets: dbService().secrets.slice(1) });
    const result = await runCheck(dbSecrets, {
      services: [webService(), without],
      exec: lsSecrets([OUTPUTS.dbSecrets[1] as string]),
    });
    expect(result.message).toBe(
      "tp07-alice-db is not given secret tp07-alice-db-root-password; /run/secrets in tp07-alice-db.1.dbtask1 lacks tp07-alice-db-root-password (it holds tp07-alice-db-password)",
    );
  });

  it("fails when db has no running task, naming why", async () => {
    const crashed = dbTask(dbService(), {
      state: "failed",
      desiredState: "shutdown",
      error: "task: non-zero exit (1)",
    });
    expect((await runCheck(dbSecrets, { tasks: { [db]: [crashed] } })).message).toBe(
      "tp07-alice-db has no running task: its latest task is failed (task: non-zero exit (1))",
    );
    expect((await runCheck(dbSecrets, { services: [] })).message).toBe(
      "db service tp07-alice-db does not exist",
    );
  });

  it("is an error when db's task runs on another node (its container is not this engine's)", async () => {
    const elsewhere = dbTask(dbService(), { nodeId: "node2" });
    expect((await runCheck(dbSecrets, { tasks: { [db]: [elsewhere] } })).message).toBe(
      "db's task runs on node node2, not on this one (node1): run verify on that node's engine",
    );
  });

  it("is an error off a manager", async () => {
    expect((await runCheck(dbSecrets, { swarm: swarmView({ controlAvailable: false }) })).status).toBe(
      "error",
    );
  });

  it("finds strings in JSON by path", () => {
    expect(pathsHolding({ a: [{ b: "x-secret-y" }, "no"], c: 3 }, ["secret"])).toEqual(["a[0].b"]);
  });
});
