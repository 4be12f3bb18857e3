/**
 * `Timestamp`: a `co-timestamp` element with the date formatted for the user's language
 * (localStorage `bridge/last-language`, else the browser's), re-rendered on the UI tick.
 */
import { useSelector } from 'react-redux';
import { GlobeAmericasIcon } from '@patternfly/react-icons';

/* eslint-disable @typescript-eslint/no-explicit-any */
type TimestampProps = {
  timestamp?: string | number | Date;
  simple?: boolean;
  omitSuffix?: boolean;
  className?: string;
};

const language = () => window.localStorage.getItem('bridge/last-language') || navigator.language;

const Timestamp = ({ timestamp, simple, className }: TimestampProps) => {
  useSelector((state: any) => state.UI.get('lastTick'));
  if (!timestamp) {
    return <div className="co-timestamp">-</div>;
  }
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) {
    return <div className="co-timestamp">-</div>;
  }
  const text = new Intl.DateTimeFormat(language(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
  return (
    <div
      className={['co-timestamp', className].filter(Boolean).join(' ')}
      title={date.toISOString()}
    >
      {!simple && <GlobeAmericasIcon className="co-icon-space-r" />}
      <span data-test="timestamp">{text}</span>
    </div>
  );
};

export default Timestamp;
