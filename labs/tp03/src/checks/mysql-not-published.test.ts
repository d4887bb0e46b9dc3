import { mysqlView, runCheck } from "../test-support/tp03-fixture";
import { mysqlNotPublished } from "./mysql-not-published";

describe("mysql-not-published", () => {
  it("passes when MySQL has no host port binding", async () => {
    expect(await runCheck(mysqlNotPublished)).toEqual({
      status: "pass",
      message: "mysql container tp03-alice-mysql has no host port binding",
    });
  });

  it("fails naming the binding", async () => {
    const published = mysqlView({
      ports: [{ containerPort: 3306, protocol: "tcp", hostIp: "0.0.0.0", hostPort: 3306 }],
    });
    expect(await runCheck(mysqlNotPublished, { containers: [published] })).toEqual({
      status: "fail",
      message: "MySQL is published on the host: 0.0.0.0:3306->3306/tcp",
    });
  });

  it("fails when the container is missing", async () => {
    expect(await runCheck(mysqlNotPublished, { containers: [] })).toMatchObject({
      status: "fail",
      message: "mysql container tp03-alice-mysql does not exist",
    });
  });
});
