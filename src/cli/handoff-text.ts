/** The administrator hand-off as plain text for a terminal. */
import type { AdminHandoff } from '../engine/deploy/grants';
import type { CliIo } from './command';

export function printHandoff(io: CliIo, handoff: AdminHandoff): void {
  io.stdout(
    [
      '',
      `A cluster administrator must grant these security context constraints in ${handoff.namespace}:`,
      ...handoff.grants.map(
        (g) =>
          `  - ${g.scc} for ${g.serviceAccounts.join(', ')}${g.reason ? ` (${g.reason})` : ''}`,
      ),
      '',
      'Save the following as clearml-scc-grants.yaml and run:',
      `  ${handoff.applyCommand}`,
      'or run the equivalent commands:',
      ...handoff.policyCommands.map((c) => `  ${c}`),
      '',
      handoff.yaml.trimEnd(),
      '',
    ].join('\n'),
  );
}
