/**
 * What labctl pins of kind and of cloud-provider-kind. A node image is only supported by the kind
 * release that built it, and its tag can be rebuilt: pin the digest, as the release notes ask.
 *
 * kind v0.33.0 (August 2026), the newest release, not counting the v0.34.0-alpha builds:
 * https://github.com/kubernetes-sigs/kind/releases/tag/v0.33.0, "Images pre-built for this release".
 * Its default node image is Kubernetes 1.37.0 (the notes' "defaults to 1.36.1" was a typo, fixed
 * after https://github.com/kubernetes-sigs/kind/pull/4248). kindnet enforces NetworkPolicy since v0.24.
 */
export const KIND_VERSION = "0.33.0";

/** The node images kind v0.33.0's release notes list, by Kubernetes minor version. */
export const KIND_NODE_IMAGES = {
  "1.37": "kindest/node:v1.37.0@sha256:a1ed56cfb0e7b93589bdf97c8cd566405a265939e3620fc4f5de89adff580ae5",
  "1.36": "kindest/node:v1.36.4@sha256:099e049362a1526b2db71494e1947aae99bd16290d7c895f2b7ea312e3cbfaed",
  "1.35": "kindest/node:v1.35.8@sha256:07b2536e30b803ed61d1677a79df6115f798ce64c80f9e22f6ed45afd09323c0",
  "1.34": "kindest/node:v1.34.11@sha256:44e222ee2132dab25ff87301682f89eb82c7880ea3a1bf543bfe9708fd08d67d",
} as const;

/** The Kubernetes version labctl's clusters run: kind v0.33.0's default. */
export const KUBERNETES_VERSION = "1.37.0";

/** The node image labctl passes to `kind create cluster --image`. */
export const KIND_NODE_IMAGE = KIND_NODE_IMAGES["1.37"];

/**
 * cloud-provider-kind serves LoadBalancer Services, and Ingress through Gateway API since v0.9.0
 * (ingress-nginx is retired). v0.11.1 (2026-06-26):
 * https://github.com/kubernetes-sigs/cloud-provider-kind/releases/tag/v0.11.1. The digest is the
 * one promoted to registry.k8s.io for that tag, from https://github.com/kubernetes/k8s.io/pull/9657
 * (the promoter copies images by digest). Later tags are mentioned in the wild but no release
 * note or promotion was found for them.
 */
export const CLOUD_PROVIDER_KIND_VERSION = "0.11.1";

export const CLOUD_PROVIDER_KIND_IMAGE =
  "registry.k8s.io/cloud-provider-kind/cloud-controller-manager:v0.11.1@sha256:40e18b9cd9c798cce40d39ff5c099a4f16a36c268d8e1dda469d73955a35e403";
