/**
 * The ClearML mark for the "+Add" card: a monogram drawn here (a "C" around a dot), in
 * PatternFly colour tokens so it follows the light and dark themes; it scales to the card's icon box.
 */
export const ClearMLIcon = ({ size = 40 }: { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 40 40"
    role="img"
    aria-label="ClearML"
    data-test="clearml-icon"
  >
    <rect
      width="40"
      height="40"
      rx="8"
      fill="var(--pf-t--global--background--color--inverse--default)"
    />
    <path
      d="M23.5 12.5a8 8 0 1 0 0 15"
      fill="none"
      stroke="var(--pf-t--global--color--brand--default)"
      strokeWidth="4.5"
      strokeLinecap="round"
    />
    <circle cx="28" cy="20" r="3" fill="var(--pf-t--global--text--color--inverse)" />
  </svg>
);

/** The element the `dev-console.add/action` extension's `icon` code reference resolves to. */
export const clearmlIconElement = <ClearMLIcon />;
