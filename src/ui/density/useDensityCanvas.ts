// One density panel's canvas: sized for the device pixel ratio and redrawn in
// requestAnimationFrame whenever its holder has a new version (or the display preferences
// change), with the landscape's palette and the theme's background. Shared by the three
// comparison panels and the compare view's reference panel.
import { useEffect, type RefObject } from 'react';
import type { ModeShare } from '../../contract/protocol';
import { isDark, usePrefs } from '../../state/prefs';
import { useApp } from '../../state/store';
import { DensityPanel } from '../../viz/densityPanels';

const BOX = { min: -4, max: 4 };

export interface DensityRead {
  density: Float32Array | null;
  gridSize: number;
  modes?: readonly ModeShare[];
}

export function useDensityCanvas(
  ref: RefObject<HTMLCanvasElement | null>,
  size: number,
  visible: boolean,
  source: { readonly version: number },
  read: () => DensityRead,
): void {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !visible) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const panel = new DensityPanel(BOX);
    let drawn = -1;
    let raf = 0;
    const unsubPrefs = usePrefs.subscribe(() => (drawn = -1));
    const loop = () => {
      raf = requestAnimationFrame(loop);
      if (source.version === drawn) return;
      drawn = source.version;
      const prefs = usePrefs.getState();
      const look = { palette: prefs.palette, background: isDark(prefs) ? '#1e293b' : '#f1f5f9' };
      const scale = useApp.getState().metrics.latest?.densityScale ?? 0.5;
      const r = read();
      panel.draw(ctx, size, r.density, r.gridSize, scale, r.modes ?? [], look);
    };
    raf = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(raf);
      unsubPrefs();
    };
    // `read` is a pure reader of module-level holders: the effect need not restart with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, size, visible, source]);
}
