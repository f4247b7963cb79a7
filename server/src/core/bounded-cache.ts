/** A cache that forgets its older half when it grows past its limit, keeping memory bounded while typing. */

/** Two generations of entries: a hit in the older one is promoted, and a full newer one retires the older. */
export class BoundedCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }
  set(key: string, value: V): void {
    this.current.set(key, value);
    if (this.current.size > this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
  }
}
