// The caption drawn on the landscape while it shows a timeline snapshot instead of the live
// frame: "iteration N", and while a person scrubs, how to get back. Drawn into the canvas so a
// recorded clip carries it too.
export function drawTimelineBadge(
  ctx: CanvasRenderingContext2D,
  size: number,
  iteration: number,
  hint: string | null,
): void {
  const title = `iteration ${iteration.toLocaleString('en-US')}`;
  const text = hint ? `${title} — ${hint}` : title;
  const font = Math.max(11, Math.min(15, size / 36));
  ctx.save();
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  const maxW = size - 16;
  let shown = text;
  // On a narrow plot the hint is dropped before the iteration is.
  if (ctx.measureText(shown).width + 16 > maxW) shown = title;
  const w = Math.min(maxW, ctx.measureText(shown).width + 16);
  const h = font + 12;
  const x = (size - w) / 2;
  const y = 8;
  ctx.fillStyle = 'rgba(15, 23, 42, 0.82)';
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillText(shown, size / 2, y + h / 2, maxW - 16);
  ctx.restore();
}
