import { testProgramContext as contextFor, type TestEnvironment, testLabels } from "@labctl/testing";

/** What a resolved EnvironmentSpec would give tp03's program for student alice. */
export const TEST_ENV = {
  lab: "tp03",
  images: { ghost: "mirror.test/ghost:5-alpine", mysql: "mirror.test/mysql:8.0" } as Record<string, string>,
  ports: { ghost: 18230 },
  secrets: { mysqlRootPassword: "root-Secret-1", mysqlPassword: "ghost-Secret-2" },
  bindAddress: "127.0.0.1",
} satisfies TestEnvironment;

export const TEST_LABELS = testLabels(TEST_ENV);

export const testProgramContext = (env: TestEnvironment = TEST_ENV) => contextFor(env);
