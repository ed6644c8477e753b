// A button that opens a small panel under it; the panel closes on Escape, on a click outside
// it, or when its content calls `close`.
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** What the button shows. */
  label: ReactNode;
  /** The button's accessible name. */
  ariaLabel: string;
  title?: string;
  className?: string;
  /** 'menu' for a list of actions, 'dialog' for a form. */
  kind: 'menu' | 'dialog';
  children: (close: () => void) => ReactNode;
  onOpen?: () => void;
}

export function Popover({ label, ariaLabel, title, className, kind, children, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const close = () => setOpen(false);
  return (
    <div className={`popover-root ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        aria-label={ariaLabel}
        title={title}
        aria-haspopup={kind}
        aria-expanded={open}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <div className="popover" role={kind} aria-label={ariaLabel}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
