import { useApp } from '../state/store';

/**
 * Messages float over the top of the page body (see .notice-slot) instead of pushing it down:
 * the landscape must not jump under the pointer when a message appears or goes.
 */
export function Notice() {
  return (
    <div className="notice-slot">
      <NoticeText />
    </div>
  );
}

function NoticeText() {
  const notice = useApp((a) => a.notice);
  const setNotice = useApp((a) => a.setNotice);
  const empty = useApp((a) => a.points.length === 0);
  if (notice)
    return (
      <div className={`notice ${notice.level}`} role="alert">
        {notice.text}
        {notice.action && (
          <button
            className="notice-action"
            onClick={() => {
              setNotice(null);
              notice.action?.run();
            }}
          >
            {notice.action.label}
          </button>
        )}
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
