import type { CircuitBreaker } from "@/lib/store/breaker";
import type { LimitRule, RankedEntry, Store, StoreWrite } from "@/lib/store/types";

/** A store whose every call goes through the circuit breaker: while it is open, each call fails at once. */
export class GuardedStore implements Store {
  readonly kind: Store["kind"];

  constructor(
    private readonly inner: Store,
    readonly breaker: CircuitBreaker,
  ) {
    this.kind = inner.kind;
  }

  ping() {
    return this.breaker.run(() => this.inner.ping());
  }
  get(key: string) {
    return this.breaker.run(() => this.inner.get(key));
  }
  set(key: string, value: string, ttlSeconds: number) {
    return this.breaker.run(() => this.inner.set(key, value, ttlSeconds));
  }
  setIfUnchanged(key: string, expected: string | null, value: string, ttlSeconds: number) {
    return this.breaker.run(() => this.inner.setIfUnchanged(key, expected, value, ttlSeconds));
  }
  del(...keys: string[]) {
    return this.breaker.run(() => this.inner.del(...keys));
  }
  incr(key: string, ttlSeconds: number) {
    return this.breaker.run(() => this.inner.incr(key, ttlSeconds));
  }
  zset(key: string, entries: readonly RankedEntry[]) {
    return this.breaker.run(() => this.inner.zset(key, entries));
  }
  apply(writes: readonly StoreWrite[]) {
    return this.breaker.run(() => this.inner.apply(writes));
  }
  zrevrank(key: string, member: string) {
    return this.breaker.run(() => this.inner.zrevrank(key, member));
  }
  zcard(key: string) {
    return this.breaker.run(() => this.inner.zcard(key));
  }
  ztop(key: string, limit: number) {
    return this.breaker.run(() => this.inner.ztop(key, limit));
  }
  zread(key: string, member: string, limit: number, marker: string) {
    return this.breaker.run(() => this.inner.zread(key, member, limit, marker));
  }
  claim(key: string, ttlSeconds: number) {
    return this.breaker.run(() => this.inner.claim(key, ttlSeconds));
  }
  limit(name: string, identifier: string, rule: LimitRule) {
    return this.breaker.run(() => this.inner.limit(name, identifier, rule));
  }
  forgetLimit(name: string, identifier: string, rule: LimitRule) {
    return this.breaker.run(() => this.inner.forgetLimit(name, identifier, rule));
  }
}
