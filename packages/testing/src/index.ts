export * from "./check-runner";
export * from "./docker-engine";
export * from "./e2e-environment";
export * from "./fake-check-context";
export * from "./images";
export * from "./pulumi-recorder";
export * from "./record-program";
export * from "./test-program-context";
