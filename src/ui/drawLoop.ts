// Page-side frame pacing: counts frames drawn per second for the status line (read a few
// times per second; never stored in React state per frame).
export const drawStats = {
  drawn: 0,
  fps: 0,
  private: { t0: 0, n: 0 },
  tick(now: number): void {
    this.drawn++;
    const p = this.private;
    if (p.t0 === 0) p.t0 = now;
    p.n++;
    if (now - p.t0 >= 1000) {
      this.fps = (p.n * 1000) / (now - p.t0);
      p.t0 = now;
      p.n = 0;
    }
  },
};
