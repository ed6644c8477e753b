// The class new points get: CLASS_COUNT swatches in the Okabe–Ito colours, keys 1–5.
import { useEffect } from 'react';
import { CLASS_COLOURS, CLASS_NAMES } from '../../contract/classes';
import { isTextEntry } from '../useKeyboardShortcuts';
import { useJemView } from './jemView';
import './jem.css';

export function ClassPicker() {
  const editClass = useJemView((v) => v.editClass);
  const set = useJemView((v) => v.set);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTextEntry(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = Number(e.key);
      if (Number.isInteger(k) && k >= 1 && k <= CLASS_COLOURS.length) set({ editClass: k - 1 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [set]);
  return (
    <div className="seg class-picker" role="radiogroup" aria-label="Class of new points (keys 1–5)">
      {CLASS_COLOURS.map((c, k) => (
        <button
          key={c}
          role="radio"
          aria-checked={editClass === k}
          aria-label={`${CLASS_NAMES[k]} (key ${k + 1})`}
          title={`New points: ${CLASS_NAMES[k]} (key ${k + 1})`}
          onClick={() => set({ editClass: k })}
        >
          <i className="swatch" style={{ background: c }} />
          {k + 1}
        </button>
      ))}
    </div>
  );
}
