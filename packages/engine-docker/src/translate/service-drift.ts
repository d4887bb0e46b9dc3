/**
 * Where a live Swarm ServiceSpec no longer holds what labctl asked for, or undefined when it
 * does. The labels on the service say which inputs made it, but `docker service scale` or
 * `update` change the spec behind them: a drifted service is updated back on the next up.
 * Every field we set must still hold our value (Docker adds defaults, which are ignored);
 * labels are left out: the spec hash covers the program's, and the labctl version label may
 * change without the service needing an update.
 */
export function serviceDrift(desired: unknown, live: unknown, path = "Spec"): string | undefined {
  if (desired === undefined || desired === null) return undefined;
  if (Array.isArray(desired)) {
    const items = Array.isArray(live) ? live : [];
    if (desired.length !== items.length) return `${path} has ${items.length} items, not ${desired.length}`;
    for (const [index, item] of desired.entries()) {
      const drift = serviceDrift(item, items[index], `${path}[${index}]`);
      if (drift) return drift;
    }
    return undefined;
  }
  if (typeof desired === "object") {
    const fields = live !== null && typeof live === "object" ? (live as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(desired)) {
      if (key === "Labels") continue;
      const drift = serviceDrift(value, fields[key], `${path}.${key}`);
      if (drift) return drift;
    }
    return undefined;
  }
  return desired === live ? undefined : `${path} is ${JSON.stringify(live)}, not ${JSON.stringify(desired)}`;
}
