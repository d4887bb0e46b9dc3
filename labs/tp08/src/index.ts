import { defineLab } from "@labctl/sdk";
import type { Tp08Outputs } from "./outputs";

export type { Tp08Outputs } from "./outputs";

export default defineLab<Tp08Outputs>({
  id: "tp08",
  title: {
    en: "Kubernetes: a namespace per student, a Deployment behind a Service and an Ingress, NetworkPolicies",
    fr: "Kubernetes : un namespace par étudiant, un Deployment derrière un Service et un Ingress, des NetworkPolicies",
  },
  platform: "kind",
  // nginx-unprivileged: nginx as a non-root user on 8080 (see web-app.ts).
  images: { web: "nginxinc/nginx-unprivileged:1.27-alpine" },
  // Nothing is published on the host: the cluster's ingress controller is the way in.
  ports: [],
  secrets: [],
  // require, not import(): compiled to CommonJS, Node's import() would wrap the module once more
  // ({ default: { default: program } }). Loaded lazily so listing labs never loads Pulumi.
  program: async () => require("./program") as typeof import("./program"),
  // The checks (issue 11, Deliver 4) talk to the cluster through @kubernetes/client-node.
  checks: [],
  handout: "README.md",
});
