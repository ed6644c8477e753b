// The keyboard crosshair: where Enter adds a point. A black-and-white double stroke, so it
// shows on every palette and on both themes.
export function drawCrosshair(ctx: CanvasRenderingContext2D, px: number, py: number): void {
  const arm = 10;
  const gap = 3;
  ctx.save();
  ctx.lineCap = 'round';
  for (const [colour, width] of [
    ['#000', 4],
    ['#fff', 2],
  ] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(px - arm, py);
    ctx.lineTo(px - gap, py);
    ctx.moveTo(px + gap, py);
    ctx.lineTo(px + arm, py);
    ctx.moveTo(px, py - arm);
    ctx.lineTo(px, py - gap);
    ctx.moveTo(px, py + gap);
    ctx.lineTo(px, py + arm);
    ctx.stroke();
  }
  ctx.restore();
}
