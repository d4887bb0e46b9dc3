import { testProgramContext as contextFor, type TestEnvironment, testLabels } from "@labctl/testing";

/** What a resolved EnvironmentSpec would give tp01's program for student alice. */
export const TEST_ENV = {
  lab: "tp01",
  images: { web: "mirror.test/nginx:1.27-alpine", hello: "mirror.test/hello-world:latest" } as Record<
    string,
    string
  >,
  ports: { web: 18100 },
  bindAddress: "127.0.0.1",
} satisfies TestEnvironment;

export const TEST_LABELS = testLabels(TEST_ENV);

export const testProgramContext = (env: TestEnvironment = TEST_ENV, studentName = "Alice") =>
  contextFor({ ...env, studentName });
