import { Button, Flex, FlexItem, FormGroup, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from '../../../compat/console-api';
import { FieldError, fieldId } from '../fields';
import type { WizardForm } from '../useWizardForm';

export interface Row {
  key: string;
  value: string;
}

interface KeyValueRowsProps {
  form: WizardForm;
  /** Values path of the list (`extraEnv`: `[{name, value}]`) or map (`nodeSelector`). */
  path: string;
  shape: 'list' | 'map';
  label: string;
  keyLabel: string;
  valueLabel: string;
  addLabel: string;
}

function rowsOf(value: unknown, shape: 'list' | 'map'): Row[] {
  if (shape === 'list') {
    return Array.isArray(value)
      ? value.map((e: { name?: unknown; value?: unknown }) => ({
          key: String(e?.name ?? ''),
          value: typeof e?.value === 'string' ? e.value : JSON.stringify(e?.value ?? ''),
        }))
      : [];
  }
  return value && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
        key,
        value: String(v),
      }))
    : [];
}

/** The rows as values: a list keeps every row; a map leaves out rows without a key yet. */
function valueOf(rows: Row[], shape: 'list' | 'map'): unknown {
  if (!rows.length) return undefined;
  if (shape === 'list') return rows.map((r) => ({ name: r.key, value: r.value }));
  const filled = rows.filter((r) => r.key !== '');
  return filled.length ? Object.fromEntries(filled.map((r) => [r.key, r.value])) : undefined;
}

/**
 * Editable key/value rows bound to a values path, each field with the engine's message under it.
 * The rows are kept here too, so a map row whose key is still empty does not disappear.
 */
export const KeyValueRows = ({
  form,
  path,
  shape,
  label,
  keyLabel,
  valueLabel,
  addLabel,
}: KeyValueRowsProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(form.get(path), shape));
  const change = (next: Row[]) => {
    setRows(next);
    form.set(path, valueOf(next, shape));
  };
  const keyPath = (i: number, row: Row) =>
    shape === 'list' ? `${path}.${i}.name` : `${path}.${row.key}`;
  const valuePath = (i: number, row: Row) =>
    shape === 'list' ? `${path}.${i}.value` : `${path}.${row.key}`;
  return (
    <FormGroup label={label} fieldId={fieldId(path)} role="group">
      {rows.map((row, i) => {
        const kp = keyPath(i, row);
        const vp = valuePath(i, row);
        const kError = form.errors[kp];
        const vError = vp !== kp ? form.errors[vp] : undefined;
        return (
          <Flex
            key={i}
            alignItems={{ default: 'alignItemsFlexStart' }}
            data-test={`${fieldId(path)}-row-${i}`}
          >
            <FlexItem grow={{ default: 'grow' }}>
              <TextInput
                aria-label={t('{{field}} {{n}}', { field: keyLabel, n: i + 1 })}
                data-test={`${fieldId(path)}-key-${i}`}
                value={row.key}
                validated={kError ? 'error' : 'default'}
                aria-invalid={kError ? true : undefined}
                aria-describedby={kError ? `${fieldId(kp)}-error` : undefined}
                onChange={(_e, text) =>
                  change(rows.map((r, j) => (j === i ? { ...r, key: text } : r)))
                }
              />
              <FieldError form={form} path={kp} />
            </FlexItem>
            <FlexItem grow={{ default: 'grow' }}>
              <TextInput
                aria-label={t('{{field}} {{n}}', { field: valueLabel, n: i + 1 })}
                data-test={`${fieldId(path)}-value-${i}`}
                value={row.value}
                validated={vError ? 'error' : 'default'}
                aria-invalid={vError ? true : undefined}
                aria-describedby={vError ? `${fieldId(vp)}-error` : undefined}
                onChange={(_e, text) =>
                  change(rows.map((r, j) => (j === i ? { ...r, value: text } : r)))
                }
              />
              {vp !== kp && <FieldError form={form} path={vp} />}
            </FlexItem>
            <FlexItem>
              <Button
                variant="plain"
                data-test={`${fieldId(path)}-remove-${i}`}
                aria-label={t('Remove row {{n}} of {{field}}', { n: i + 1, field: label })}
                onClick={() => change(rows.filter((_r, j) => j !== i))}
              >
                ×
              </Button>
            </FlexItem>
          </Flex>
        );
      })}
      <Button
        variant="link"
        isInline
        data-test={`${fieldId(path)}-add`}
        onClick={() => change([...rows, { key: '', value: '' }])}
      >
        {addLabel}
      </Button>
    </FormGroup>
  );
};
