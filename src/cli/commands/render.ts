import { parseArgs } from 'node:util';
import { renderWithPlan, toYaml } from '../../engine';
import { EXIT, type CliCommand } from '../command';
import { formatIssues, loadValues } from '../values-file';

export const command: CliCommand = {
  name: 'render',
  summary: 'print the objects of a ClearML instance as YAML',
  usage: 'clearml-openshift render [--values FILE] [--namespace NS] [--show-secrets]',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          values: { type: 'string', short: 'f' },
          namespace: { type: 'string', short: 'n' },
          'show-secrets': { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (err) {
      io.stderr(`${err instanceof Error ? err.message : String(err)}\nusage: ${this.usage}\n`);
      return EXIT.invalidInput;
    }
    const { values: file, namespace, 'show-secrets': showSecrets } = parsed.values;
    let text: string | undefined;
    if (file !== undefined) {
      try {
        text = await io.readFile(file);
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
        io.stderr(`values: cannot read ${file} (${reason})\n`);
        return EXIT.invalidInput;
      }
    }
    const result = loadValues(text, namespace);
    if (!result.ok) {
      io.stderr(formatIssues(result.issues));
      return EXIT.invalidInput;
    }
    const { objects, plan } = await renderWithPlan(result.values);
    const header = plan.map((p) => `# SCC ${p.serviceAccount}: ${p.scc ?? 'none'} (${p.reason})\n`);
    io.stdout(header.join('') + toYaml(objects, { showSecrets }));
    return EXIT.ok;
  },
};
