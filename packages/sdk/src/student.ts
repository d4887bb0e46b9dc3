export interface Student {
  /** Stable, unique, lowercase DNS-1123 slug. */
  id: string;
  name: string;
  email?: string;
}
