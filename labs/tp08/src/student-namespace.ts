import type { ProgramContext } from "@labctl/sdk";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { CONTAINER_LIMITS, NAMESPACE_QUOTA } from "./topology";

export interface StudentNamespace {
  namespace: k8s.core.v1.Namespace;
  quota: k8s.core.v1.ResourceQuota;
  limits: k8s.core.v1.LimitRange;
}

/**
 * The student's whole environment: one namespace (named like every labctl object, so a class on
 * a shared cluster gets one per student, and labelled so teardown and `gc` find it), with a quota
 * capping what it may hold and a LimitRange giving every container requests and limits, which the
 * quota then requires of each pod.
 */
export function studentNamespace(
  ctx: ProgramContext,
  labels: Record<string, string>,
  opts: pulumi.CustomResourceOptions,
): StudentNamespace {
  const namespace = new k8s.core.v1.Namespace(
    "namespace",
    { metadata: { name: ctx.name("ns"), labels } },
    opts,
  );
  const metadata = (role: string) => ({ name: ctx.name(role), namespace: namespace.metadata.name, labels });
  const quota = new k8s.core.v1.ResourceQuota(
    "quota",
    { metadata: metadata("quota"), spec: { hard: { ...NAMESPACE_QUOTA } } },
    opts,
  );
  const limits = new k8s.core.v1.LimitRange(
    "limits",
    {
      metadata: metadata("limits"),
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: { ...CONTAINER_LIMITS.defaultRequest },
            default: { ...CONTAINER_LIMITS.default },
            max: { ...CONTAINER_LIMITS.max },
          },
        ],
      },
    },
    opts,
  );
  return { namespace, quota, limits };
}
