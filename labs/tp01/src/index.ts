import { defineLab } from "@labctl/sdk";
import { checks } from "./checks";
import type { Tp01Outputs } from "./outputs";

export type { Tp01Outputs } from "./outputs";

export default defineLab<Tp01Outputs>({
  id: "tp01",
  title: {
    en: "First containers: nginx serving your page, hello-world run to completion",
    fr: "Premiers conteneurs : nginx sert votre page, hello-world exécuté jusqu'au bout",
  },
  platform: "docker",
  images: { web: "nginx:1.27-alpine", hello: "hello-world:latest" },
  ports: ["web"],
  secrets: [],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  checks,
  handout: "README.md",
});
