import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp04Outputs } from "./outputs";

export type { Tp04Outputs } from "./outputs";

export default defineLab<Tp04Outputs>({
  id: "tp04",
  title: {
    en: "Dockerfile: a multi-stage, non-root image with a healthcheck",
    fr: "Dockerfile : une image multi-étapes, sans root, avec healthcheck",
  },
  platform: "docker",
  // Base images of the Dockerfile's two stages, handed to the build as BUILD_IMAGE/RUNTIME_IMAGE.
  images: { build: "gcc:13", runtime: "debian:bookworm-slim" },
  ports: ["app"],
  secrets: ["appToken"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more.
  // Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
