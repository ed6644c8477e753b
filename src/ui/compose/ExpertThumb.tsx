// One expert's energy as a small picture (THUMB_SIZE² pixels, shown scaled up).
import { useEffect, useRef } from 'react';
import { THUMB_SIZE } from '../../contract/experts';
import { drawThumbnail } from '../../viz/thumbnail';

export function ExpertThumb({
  energy,
  label,
}: {
  energy: Float32Array | undefined;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx && energy) drawThumbnail(ctx, energy);
  }, [energy]);
  return (
    <canvas
      ref={ref}
      className="expert-thumb"
      width={THUMB_SIZE}
      height={THUMB_SIZE}
      role="img"
      aria-label={`Energy of ${label}`}
    />
  );
}
