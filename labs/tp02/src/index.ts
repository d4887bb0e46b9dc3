import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp02Outputs } from "./outputs";

export type { Tp02Outputs } from "./outputs";

export default defineLab<Tp02Outputs>({
  id: "tp02",
  title: {
    en: "Volumes: MariaDB on a named volume, nginx on a bind-mounted web root",
    fr: "Volumes : MariaDB sur un volume nommé, nginx sur un répertoire de l'hôte monté",
  },
  platform: "docker",
  images: { db: "mariadb:11.4", web: "nginx:1.27-alpine" },
  ports: ["web"],
  secrets: ["mariadbRootPassword"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
