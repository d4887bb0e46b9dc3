/** Fixed facts of the tp04 environment, shared by the program and the checks. */

/** Port labapp listens on inside its container (the Dockerfile's EXPOSE and CMD). */
export const APP_PORT = 8080;

/** The version labapp reports; the image is tagged with it (never `latest`). */
export const APP_VERSION = "1.0.0";

/**
 * Bytes the Dockerfile may add on top of its runtime base image. The optimised image adds
 * about 0.8 MB (one static binary and a user). Measured against the base rather than as a
 * total so the budget means the same with the official debian:bookworm-slim, a campus mirror
 * or the test stand-ins; a single-stage image that ships the compiler adds hundreds of MB.
 */
export const ADDED_SIZE_BUDGET = 10 * 1000 * 1000;

/** File-system layers the Dockerfile may add on top of its runtime base (the reference adds 2). */
export const MAX_ADDED_LAYERS = 5;
