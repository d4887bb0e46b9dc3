/**
 * "mesh": ports published through the routing mesh, services reached by their VIP (the kernel
 * has IPVS). "host": host-mode published ports (one task per node per port) and `dnsrr` endpoints.
 */
export interface SwarmPublishing {
  mode: "mesh" | "host";
}
