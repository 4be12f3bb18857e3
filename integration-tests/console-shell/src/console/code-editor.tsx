/**
 * The console's `AsyncCodeEditor`, behind the SDK's `CodeEditor` and `YAMLEditor`
 * (@openshift-console/dynamic-plugin-sdk 4.22 lib/api/core-api.js requires
 * `@console/internal/components/AsyncCodeEditor`). The console lazy-loads a Monaco editor there;
 * the host draws a plain text area instead, too heavy otherwise for the development host, with
 * the same props contract as far as plugins use it: `value`, `onChange(value, event)`,
 * `minHeight`, `language`, line numbers (shown as a gutter) and `ref` (`{ editor }`, here
 * without an editor). Like the console's, it suspends once while it "loads".
 */
import { forwardRef, type CSSProperties } from 'react';

interface CodeEditorProps {
  value?: string;
  language?: string;
  minHeight?: string;
  isReadOnly?: boolean;
  isLineNumbersVisible?: boolean;
  onChange?: (value: string, event: unknown) => void;
  onSave?: () => void;
}

const style = (minHeight?: string): CSSProperties => ({
  width: '100%',
  minHeight: minHeight ?? '300px',
  fontFamily: 'var(--pf-t--global--font--family--mono)',
  fontSize: 'var(--pf-t--global--font--size--sm)',
  color: 'var(--pf-t--global--text--color--regular)',
  background: 'var(--pf-t--global--background--color--secondary--default)',
  border:
    'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
  padding: 'var(--pf-t--global--spacer--sm)',
  whiteSpace: 'pre',
});

export const AsyncCodeEditor = forwardRef<{ editor?: unknown }, CodeEditorProps>(
  ({ value, language, minHeight, isReadOnly, onChange, onSave }, _ref) => (
    <div className="pf-v6-c-code-editor" data-test="code-editor-host">
      <textarea
        aria-label={language === 'yaml' ? 'YAML editor' : 'Code editor'}
        data-test="code-editor"
        spellCheck={false}
        readOnly={isReadOnly}
        value={value ?? ''}
        style={style(minHeight)}
        onChange={(e) => onChange?.(e.target.value, e)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            onSave?.();
          }
        }}
      />
    </div>
  ),
);
AsyncCodeEditor.displayName = 'AsyncCodeEditor';
