import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp03Outputs } from "./outputs";

export type { Tp03Outputs } from "./outputs";

export default defineLab<Tp03Outputs>({
  id: "tp03",
  title: {
    en: "Networks and volumes: Ghost and MySQL on a user-defined network",
    fr: "Réseaux et volumes : Ghost et MySQL sur un réseau utilisateur",
  },
  platform: "docker",
  images: { ghost: "ghost:5-alpine", mysql: "mysql:8.0" },
  ports: ["ghost"],
  secrets: ["mysqlRootPassword", "mysqlPassword"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
