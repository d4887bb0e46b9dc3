import { mariadbView, runCheck } from "../test-support/tp05-fixture";
import { mariadbNotPublished } from "./mariadb-not-published";

describe("mariadb-not-published", () => {
  it("passes when MariaDB has no host port binding", async () => {
    expect(await runCheck(mariadbNotPublished)).toEqual({
      status: "pass",
      message: "mariadb container tp05-alice-mariadb has no host port binding",
    });
  });

  it("fails naming the binding", async () => {
    const published = mariadbView({
      ports: [{ containerPort: 3306, protocol: "tcp", hostIp: "0.0.0.0", hostPort: 3306 }],
    });
    expect(await runCheck(mariadbNotPublished, { containers: [published] })).toEqual({
      status: "fail",
      message: "MariaDB is published on the host: 0.0.0.0:3306->3306/tcp",
    });
  });
});
