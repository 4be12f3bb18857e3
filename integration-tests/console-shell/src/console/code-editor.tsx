/**
 * The console's `AsyncCodeEditor`, behind the SDK's `CodeEditor` and `YAMLEditor`
 * (@openshift-console/dynamic-plugin-sdk 4.22 lib/api/core-api.js requires
 * `@console/internal/components/AsyncCodeEditor`). The console lazy-loads a Monaco editor there;
 * the host draws a plain text area instead, too heavy otherwise for the development host, with
 * the same props contract as far as plugins use it: `value`, `onChange(value, event)`,
 * `minHeight`, `language`, `isLineNumbersVisible` (a gutter that scrolls with the text, so a
 * "Line N" message can be found) and `ref` (`{ editor }`, here without an editor).
 */
import { forwardRef, useRef, type CSSProperties } from 'react';

interface CodeEditorProps {
  value?: string;
  language?: string;
  minHeight?: string;
  isReadOnly?: boolean;
  isLineNumbersVisible?: boolean;
  onChange?: (value: string, event: unknown) => void;
  onSave?: () => void;
}

/** Shared by the gutter and the text so that their lines stay level. */
const text: CSSProperties = {
  margin: 0,
  fontFamily: 'var(--pf-t--global--font--family--mono)',
  fontSize: 'var(--pf-t--global--font--size--sm)',
  lineHeight: 1.5,
  padding: 'var(--pf-t--global--spacer--sm)',
  whiteSpace: 'pre',
};

// A fixed height as Monaco has in the console: longer text scrolls, and the gutter with it.
const frame = (minHeight?: string): CSSProperties => ({
  display: 'flex',
  // PatternFly's .pf-v6-c-code-editor stacks its parts in a column; gutter and text sit side by side.
  flexDirection: 'row',
  height: minHeight ?? '300px',
  background: 'var(--pf-t--global--background--color--secondary--default)',
  border:
    'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
});

const gutter: CSSProperties = {
  ...text,
  flex: 'none',
  overflow: 'hidden',
  textAlign: 'right',
  userSelect: 'none',
  color: 'var(--pf-t--global--text--color--subtle)',
  borderRight:
    'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
};

const area: CSSProperties = {
  ...text,
  flex: 1,
  minWidth: 0,
  resize: 'none',
  border: 'none',
  color: 'var(--pf-t--global--text--color--regular)',
  background: 'transparent',
};

export const AsyncCodeEditor = forwardRef<{ editor?: unknown }, CodeEditorProps>(
  ({ value, language, minHeight, isReadOnly, isLineNumbersVisible, onChange, onSave }, _ref) => {
    const numbers = useRef<HTMLPreElement>(null);
    const lines = (value ?? '').split('\n').length;
    return (
      <div className="pf-v6-c-code-editor" data-test="code-editor-host" style={frame(minHeight)}>
        {isLineNumbersVisible && (
          <pre ref={numbers} aria-hidden="true" data-test="code-editor-line-numbers" style={gutter}>
            {Array.from({ length: lines }, (_, i) => i + 1).join('\n')}
          </pre>
        )}
        <textarea
          aria-label={language === 'yaml' ? 'YAML editor' : 'Code editor'}
          data-test="code-editor"
          spellCheck={false}
          readOnly={isReadOnly}
          value={value ?? ''}
          style={area}
          onScroll={(e) => {
            if (numbers.current) numbers.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onChange={(e) => onChange?.(e.target.value, e)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 's') {
              e.preventDefault();
              onSave?.();
            }
          }}
        />
      </div>
    );
  },
);
AsyncCodeEditor.displayName = 'AsyncCodeEditor';
