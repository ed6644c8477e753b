// Click an axis to clamp it: a click on the x axis under the plot holds x at that value (the
// chains sample y), a click on the y axis holds y. Transparent strips over the axes' ticks;
// the keyboard way is the value field in the Recover panel.
import type { MouseEvent } from 'react';
import { useApp } from '../../state/store';

const round2 = (v: number) => Math.round(v * 100) / 100;

export function AxisClamp({
  size,
  left,
  box,
}: {
  size: number;
  left: number;
  box: { min: number; max: number };
}) {
  const setClamp = useApp((a) => a.setClamp);
  const side = box.max - box.min;
  const onX = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setClamp({ axis: 0, value: round2(box.min + (side * (e.clientX - r.left)) / r.width) });
  };
  const onY = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setClamp({ axis: 1, value: round2(box.max - (side * (e.clientY - r.top)) / r.height) });
  };
  return (
    <>
      <div
        className="axis-clamp x"
        data-testid="clamp-x-axis"
        title="Click to clamp x here: the chains then sample y given x"
        style={{ left, top: size, width: size, height: 28 }}
        onClick={onX}
      />
      <div
        className="axis-clamp y"
        data-testid="clamp-y-axis"
        title="Click to clamp y here: the chains then sample x given y"
        style={{ left: 0, top: 0, width: left, height: size }}
        onClick={onY}
      />
    </>
  );
}
