// Events per second over a sliding window (iterations/s, frames/s for the status line).
export class RateMeter {
  private events: { t: number; n: number }[] = [];

  constructor(private readonly windowMs = 2000) {}

  add(n: number, now = performance.now()): void {
    this.events.push({ t: now, n });
    while (this.events.length > 0 && now - this.events[0].t > this.windowMs) this.events.shift();
  }

  rate(now = performance.now()): number {
    const live = this.events.filter((e) => now - e.t <= this.windowMs);
    if (live.length < 2) return 0;
    const span = (now - live[0].t) / 1000;
    const n = live.slice(1).reduce((a, e) => a + e.n, 0);
    return span > 0 ? n / span : 0;
  }
}
