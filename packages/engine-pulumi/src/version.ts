/**
 * The Pulumi CLI version labctl runs: the one matching the `@pulumi/pulumi` SDK it ships with.
 * A newer 3.x CLI on PATH is accepted; an older one is refused with a clear message.
 */
export const PULUMI_VERSION = "3.270.0";
