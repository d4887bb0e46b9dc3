import type Dockerode from "dockerode";

/**
 * The tiny offline image engine tests run: the busybox stand-in, built from the Debian base by
 * the engine tier's global setup (packages/testing/images/busybox), never from a host binary.
 */
export const BUSYBOX_TEST_IMAGE = "labctl-standin/busybox:1.36";

/** Fails with what to do when the global setup did not build it (a test run outside the tier). */
export async function ensureBusyboxImage(docker: Dockerode): Promise<string> {
  const found = await docker
    .getImage(BUSYBOX_TEST_IMAGE)
    .inspect()
    .catch(() => undefined);
  if (!found) {
    throw new Error(
      `${BUSYBOX_TEST_IMAGE} is missing: run the engine tier through its jest config (npm run test:e2e), whose global setup builds it.`,
    );
  }
  return BUSYBOX_TEST_IMAGE;
}
