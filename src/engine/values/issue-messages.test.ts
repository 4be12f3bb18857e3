import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../messages/catalogue';
import { BAD_VALUES } from './bad-values';
import { issueMessage, parseValues, type ValidationIssue } from './parse';

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
});
