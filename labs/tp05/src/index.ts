import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp05Outputs } from "./outputs";

export type { Tp05Outputs } from "./outputs";

export default defineLab<Tp05Outputs>({
  id: "tp05",
  title: {
    en: "A multi-service stack: WordPress and MariaDB with the course's variables",
    fr: "Une stack multi-services : WordPress et MariaDB avec les variables du cours",
  },
  platform: "docker",
  images: { wordpress: "wordpress:6.6-apache", mariadb: "mariadb:11.4" },
  ports: ["wordpress"],
  secrets: ["mariadbRootPassword", "wordpressDbPassword", "wordpressAdminPassword"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
