import { defineLab } from "@labctl/sdk";
import { TP07_CHECKS } from "./checks";
import type { Tp07Outputs } from "./outputs";

export type { Tp07Outputs } from "./outputs";

export default defineLab<Tp07Outputs>({
  id: "tp07",
  title: {
    en: "A Swarm stack: overlay networks, an ingress by host name, secrets, rolling updates and failover",
    fr: "Une stack Swarm : réseaux overlay, un ingress par nom d'hôte, des secrets, mises à jour progressives et reprise sur panne",
  },
  platform: "swarm",
  images: { web: "nginx:1.27-alpine", ingress: "nginx:1.27-alpine", db: "mariadb:11.4" },
  ports: ["ingress"],
  secrets: ["dbRootPassword", "dbPassword"],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks: TP07_CHECKS,
  handout: "README.md",
});
