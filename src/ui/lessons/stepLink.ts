// Links to a step: ?lesson=N&step=K (1-based), &embed=1 without the app chrome, &present=1 in
// presentation mode. Other query parameters (a forced backend) are not passed on.
import type { StepRef } from '../../lessons';

export function stepLink(href: string, at: StepRef, opts: { embed?: boolean } = {}): string {
  const u = new URL(href);
  u.search = '';
  u.hash = '';
  u.searchParams.set('lesson', String(at.lesson));
  u.searchParams.set('step', String(at.step));
  if (opts.embed) u.searchParams.set('embed', '1');
  return u.href;
}

export function readFlags(search: string): { embed: boolean; present: boolean } {
  const q = new URLSearchParams(search);
  return { embed: q.get('embed') === '1', present: q.get('present') === '1' };
}
