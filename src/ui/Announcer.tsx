// The polite live region the keyboard and touch edits speak through (announce.ts).
import { useAnnouncement } from './announce';

export function Announcer() {
  const { text, seq } = useAnnouncement();
  return (
    <p className="visually-hidden" aria-live="polite" role="status" data-testid="announcer">
      {/* The key re-creates the text node, so a repeated sentence is announced again. */}
      <span key={seq}>{text}</span>
    </p>
  );
}
