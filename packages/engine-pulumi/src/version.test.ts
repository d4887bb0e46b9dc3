import { version as sdkVersion } from "@pulumi/pulumi/version";
import { PULUMI_VERSION } from "./version";

it("pins the CLI version matching the installed Pulumi SDK (bump both together)", () => {
  expect(PULUMI_VERSION).toBe(sdkVersion);
});
