import { useApp } from '../state/store';

export function Notice() {
  const notice = useApp((a) => a.notice);
  const setNotice = useApp((a) => a.setNotice);
  const empty = useApp((a) => a.points.length === 0);
  if (notice)
    return (
      <div className={`notice ${notice.level}`} role="alert">
        {notice.text}
        <button aria-label="Dismiss" onClick={() => setNotice(null)}>
          ×
        </button>
      </div>
    );
  if (empty)
    return (
      <div className="notice info" role="status">
        No data points: click the landscape (or use the brush) to add some. Until then the samplers
        just explore the current energy.
      </div>
    );
  return null;
}
