import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../messages/catalogue';
import { BAD_VALUES } from './bad-values';
import { issueMessage, parseValues, type ValidationIssue } from './parse';
import { readValuesSource } from './read-source';

const locale: Record<string, string> = JSON.parse(
  readFileSync(
    join(resolve(__dirname, '../../..'), 'i18n', 'en', 'plugin__clearml-console-plugin.json'),
    'utf8',
  ),
);

const issuesOf = (input: unknown): ValidationIssue[] => {
  const r = parseValues(input);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
  return r.issues;
};
const all = BAD_VALUES.flatMap(issuesOf).map((issue) => ({ ...issue, i18n: issueMessage(issue) }));

describe('what the values schema says, as messages', () => {
  it('gives every issue of many bad values a message id the page has a translation for', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const issue of all) {
      expect(issue.i18n, `${issue.path}: ${issue.message}`).toBeDefined();
      expect(locale[issue.i18n!.id], issue.i18n!.id).toBe(MESSAGES[issue.i18n!.id]);
    }
  });

  it('keeps the English the CLI prints: the message says exactly the issue text', () => {
    for (const issue of all) expect(issue.i18n?.text).toBe(issue.message);
  });

  it("covers zod's own sentences, the rules across fields and unknown fields", () => {
    const ids = new Set(all.map((i) => i.i18n?.id));
    for (const id of [
      'values.zod.invalidType',
      'values.zod.oneOf',
      'values.zod.tooBig',
      'values.unknownField',
      'values.rule.fileserverReplicas',
      'values.rule.filesHost',
      'values.rule.asyncDelete',
      'values.rule.routeHostLength',
      'values.rule.external',
      'values.rule.requestAboveLimit',
      'values.rule.zeroLimit',
      'values.rule.heap',
      'values.rule.hostTwice',
      'values.rule.agentsNeedFiles',
      'values.env.changesSetting',
      'values.env.secretCarrier',
      'values.env.setByPlugin',
      'values.env.setByPluginUse',
      'values.env.onlyConfigTakesObjects',
      'values.agents.twice',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('says a wrong type in the words zod uses, with the types as parameters', () => {
    const [issue] = issuesOf({ exposure: { routes: 'yes' } });
    expect(issue).toEqual({
      path: 'exposure.routes',
      message: 'Invalid input: expected boolean, received string',
    });
    expect(issueMessage(issue)).toEqual({
      id: 'values.zod.invalidType',
      params: { expected: 'boolean', received: 'string' },
      text: 'Invalid input: expected boolean, received string',
    });
  });

  it('says why a values file cannot be read as a message too, in the same English', () => {
    const files: (string | Uint8Array)[] = [
      'a: [',
      'a: 1\na: 2\n',
      'a: !!binary aGk=\n',
      '- just\n- a list\n',
      'a: 1\n---\nb: 2\n',
      '---\n---\n---\n---\n',
      'a: &x [*x]\n',
      `${'['.repeat(100)}`,
      'a\0',
      new Uint8Array([0xff, 0xfe, 0x61]),
      new Uint8Array([0x61, 0x00]),
      new Uint8Array([0xc3, 0x28]),
    ];
    const ids = new Set<string>();
    for (const file of files) {
      const read = readValuesSource(file);
      if (read.ok) throw new Error(`read ${String(file)}`);
      expect(read.i18n.text).toBe(read.message);
      expect(locale[read.i18n.id], read.i18n.id).toBe(MESSAGES[read.i18n.id]);
      ids.add(read.i18n.id);
    }
    expect(ids.size).toBeGreaterThan(8);
  });
});
