import { testProgramContext as contextFor, type TestEnvironment, testLabels } from "@labctl/testing";

/** What a resolved EnvironmentSpec would give tp02's program for student alice. */
export const TEST_ENV = {
  lab: "tp02",
  images: { db: "mirror.test/mariadb:11.4", web: "mirror.test/nginx:1.27-alpine" } as Record<string, string>,
  ports: { web: 18200 },
  bindAddress: "127.0.0.1",
  secrets: { mariadbRootPassword: "root-Secret-1" },
} satisfies TestEnvironment;

export const TEST_LABELS = testLabels(TEST_ENV);

export const testProgramContext = (dataDir: string | undefined, env: TestEnvironment = TEST_ENV) =>
  contextFor({ ...env, dataDir });
