// Whether an element is on screen (IntersectionObserver): the density section sits below the
// fold, and its canvases need not be redrawn while nobody can see them.
import { useEffect, useState, type RefObject } from 'react';

export function useVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([e]) => setVisible(e.isIntersecting), {
      rootMargin: '100px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}
