/** IPv4 CIDR arithmetic for the subnet pre-flight (IPv6 subnets are left out: no pools to exhaust). */
export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  return { base: address - (address % 2 ** (32 - bits)), bits };
}

const end = (c: Cidr) => c.base + 2 ** (32 - c.bits) - 1;

export const overlaps = (a: Cidr, b: Cidr): boolean => a.base <= end(b) && b.base <= end(a);

/** An address given as an unsigned 32-bit number, dotted. */
export const formatAddress = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");

export const formatCidr = (c: Cidr): string => `${formatAddress(c.base)}/${c.bits}`;

/** The highest host addresses of a subnet (broadcast excluded), downwards, at most `count`. */
export function* lastHosts(c: Cidr, count: number): Generator<string> {
  const broadcast = end(c);
  for (let n = broadcast - 1; n > c.base && broadcast - n <= count; n--) yield formatAddress(n);
}

/** The subnets of `size` bits a pool is split into, lazily (a /8 in /24s is 65,536 of them). */
export function* splitPool(pool: Cidr, size: number): Generator<Cidr> {
  if (size < pool.bits) return;
  const step = 2 ** (32 - size);
  for (let base = pool.base; base + step - 1 <= end(pool); base += step) yield { base, bits: size };
}
