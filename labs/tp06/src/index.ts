import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp06Outputs } from "./outputs";

export type { Tp06Outputs } from "./outputs";

export default defineLab<Tp06Outputs>({
  id: "tp06",
  title: {
    en: "A private registry with htpasswd authentication and persistent storage",
    fr: "Un registre privé avec authentification htpasswd et stockage persistant",
  },
  platform: "docker",
  images: { registry: "registry:2.8" },
  ports: ["registry"],
  secrets: ["registryPassword"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more.
  // Loaded lazily so listing labs never loads Pulumi (nor bcrypt).
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
