import type { ContainerView } from "@labctl/sdk";
import { checkRunner, containerView, type FakeCheckContextOptions } from "@labctl/testing";
import type { Tp01Outputs } from "../outputs";
import { studentPage } from "../student-page";

/** A healthy tp01 environment for alice, as the fake check context serves it. */
export const OUTPUTS: Tp01Outputs = {
  webUrl: "http://127.0.0.1:18100/",
  webContainer: "tp01-alice-web",
  helloContainer: "tp01-alice-hello",
  network: "tp01-alice-net",
};

export const GREETING_LOGS =
  "\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n";

export const webView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.webContainer,
    restartPolicy: "unless-stopped",
    ports: [{ containerPort: 80, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18100 }],
    ...over,
  });

export const helloView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({ name: OUTPUTS.helloContainer, state: { status: "exited", exitCode: 0 }, ...over });

export const alicePage = studentPage("tp01", { id: "alice", name: "Alice" }, OUTPUTS.webContainer);

export function healthyEnv(): FakeCheckContextOptions<Tp01Outputs> {
  return {
    lab: "tp01",
    studentId: "alice",
    outputs: { ...OUTPUTS },
    containers: [webView(), helloView()],
    logs: { [OUTPUTS.helloContainer]: GREETING_LOGS },
    http: () => ({ status: 200, headers: { "content-type": "text/html" }, body: alicePage }),
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
