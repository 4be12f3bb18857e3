import { exportObjects, renderWithPlan, toYaml } from '../../engine';
import { msg } from '../../engine/messages/message';
import { EXIT, type CliCommand } from '../command';
import { parseCommandArgs, printStructured, readValues } from '../cluster-command';

const OPTIONS = {
  values: { type: 'string', short: 'f' },
  namespace: { type: 'string', short: 'n' },
  output: { type: 'string', short: 'o' },
  'show-secrets': { type: 'boolean', default: false },
} as const;

interface RenderArgs {
  values?: string;
  namespace?: string;
  output?: string;
  'show-secrets'?: boolean;
}

export const command: CliCommand = {
  name: 'render',
  summary: 'print the objects of a ClearML instance as YAML, or as a JSON List with -o json',
  usage:
    'clearml-openshift render [--values FILE|-] [--namespace NS] [--output yaml|json] [--show-secrets]',
  async run(argv, io) {
    const parsed = parseCommandArgs<RenderArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const values = await readValues(parsed.args, io);
    if (!values) return EXIT.invalidInput;
    const showSecrets = parsed.args['show-secrets'] === true;
    const { objects, plan } = await renderWithPlan(values);
    // Offline, the Secret named in credentials.existingSecret is not read: say so on stderr, so
    // that the objects on stdout can still be piped.
    const existingSecret = values.credentials.existingSecret;
    if (existingSecret) {
      io.stderr(`${msg('render.existingSecretOffline', { secret: existingSecret }).text}\n`);
    }
    if (parsed.args.output === 'json') {
      // A v1 List, as `oc get -o json` prints it, so the output can be piped to `oc apply -f -`.
      const items = exportObjects(objects, { showSecrets });
      printStructured(io, 'json', { apiVersion: 'v1', kind: 'List', metadata: {}, items });
      return EXIT.ok;
    }
    const header = plan.map((p) => `# SCC ${p.serviceAccount}: ${p.scc ?? 'none'} (${p.reason})\n`);
    io.stdout(header.join('') + toYaml(objects, { showSecrets }));
    return EXIT.ok;
  },
};
