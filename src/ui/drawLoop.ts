// Page-side frame pacing: counts frames drawn per second for the status line (read a few
// times per second; never stored in React state per frame), and how many of them brought a
// new energy grid (the rest were samples frames drawn over the last grid).
export const drawStats = {
  drawn: 0,
  grids: 0,
  fps: 0,
  private: { t0: 0, n: 0 },
  tick(now: number, newGrid = true): void {
    this.drawn++;
    if (newGrid) this.grids++;
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
