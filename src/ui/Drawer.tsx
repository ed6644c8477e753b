// On narrow screens (phones, ≤ 600 px) the controls fold into a drawer that slides over the
// page from the right: a header button opens it; its Close button, Escape or a tap on the
// dimmed page close it. Opening moves focus to the drawer's Close button; closing returns it
// to the button that opened it. On wider screens the same content is the ordinary side column.
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { create } from 'zustand';

const NARROW = '(max-width: 600px)';
export const DRAWER_ID = 'controls-drawer';
const TOGGLE_ID = 'controls-drawer-toggle';
const CLOSE_ID = 'controls-drawer-close';

const useOpen = create<{ open: boolean }>()(() => ({ open: false }));

function setOpen(open: boolean): void {
  useOpen.setState({ open });
  // After React has rendered the change: focus into the drawer, or back to its button.
  requestAnimationFrame(() => document.getElementById(open ? CLOSE_ID : TOGGLE_ID)?.focus());
}

function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mq = window.matchMedia(NARROW);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

export function DrawerToggle() {
  const open = useOpen((s) => s.open);
  return (
    <button
      id={TOGGLE_ID}
      className="drawer-toggle"
      aria-expanded={open}
      aria-controls={DRAWER_ID}
      onClick={() => setOpen(!open)}
    >
      <span aria-hidden="true">☰ </span>Controls
    </button>
  );
}

/** The side column, which is the drawer on narrow screens. */
export function Drawer({ children }: { children: ReactNode }) {
  const narrow = useNarrow();
  const open = useOpen((s) => s.open) && narrow;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      {open && (
        <div className="drawer-backdrop" onClick={() => setOpen(false)} aria-hidden="true" />
      )}
      <aside
        id={DRAWER_ID}
        className={narrow ? `drawer${open ? ' open' : ''}` : undefined}
        aria-label="Controls"
        hidden={narrow && !open}
        data-testid="controls"
      >
        {narrow && (
          <div className="drawer-head">
            <h2>Controls</h2>
            <button id={CLOSE_ID} onClick={() => setOpen(false)}>
              <span aria-hidden="true">✕ </span>Close
            </button>
          </div>
        )}
        {children}
      </aside>
    </>
  );
}
