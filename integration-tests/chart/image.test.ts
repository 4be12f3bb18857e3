/**
 * The image recipe and the nginx configuration agree with each other and with the chart:
 * paths nginx writes to are the emptyDir, the certificate path is the Secret mount, every file
 * type the plugin build writes has a MIME type (the console sends `nosniff`), and the
 * Containerfile bakes in the chart's nginx.conf rather than a copy of its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cluster';
import { NGINX_CONF_PATH, pick, render, type Manifest } from './chart';
import { CONSOLE_BUILDS } from '../../scripts/console-builds';

const conf = fs.readFileSync(NGINX_CONF_PATH, 'utf8');
const containerfile = fs.readFileSync(path.join(REPO_ROOT, 'Containerfile'), 'utf8');
const ignore = fs.readFileSync(path.join(REPO_ROOT, '.containerignore'), 'utf8');

/** Directives in nginx.conf (comments stripped): name -> list of argument strings. */
function directives(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([a-z_0-9]+)\s+(.*);$/.exec(line);
    if (m) out.set(m[1], [...(out.get(m[1]) ?? []), m[2].trim()]);
  }
  return out;
}

/** Extension -> MIME type from the `types { … }` block. */
function mimeTypes(text: string): Map<string, string> {
  const block = /\btypes\s*\{([^}]*)\}/.exec(text);
  if (!block) throw new Error('nginx.conf has no types block');
  const out = new Map<string, string>();
  for (const entry of block[1].split(';')) {
    const [type, ...exts] = entry.trim().split(/\s+/);
    if (type) for (const ext of exts) out.set(ext, type);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
}

describe('nginx configuration', () => {
  const d = directives(conf);
  let pod: k8s.V1PodSpec;
  beforeAll(async () => {
    const objects: Manifest[] = await render();
    pod = pick<k8s.V1Deployment & Manifest>(objects, 'Deployment').spec!.template.spec!;
  });

  it('listens with TLS on 9443 only, on one dual-stack socket', () => {
    expect(d.get('listen')).toEqual(['[::]:9443 ssl ipv6only=off']);
  });

  it('reads the certificate from the serving-cert mount', () => {
    const certMount = pod.containers[0].volumeMounts!.find((m) => m.name === 'serving-cert')!;
    expect(d.get('ssl_certificate')).toEqual([`${certMount.mountPath}/tls.crt`]);
    expect(d.get('ssl_certificate_key')).toEqual([`${certMount.mountPath}/tls.key`]);
  });

  it('writes only below the emptyDir mounts (the root filesystem is read-only)', () => {
    const container = pod.containers[0];
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    const emptyDirs = new Set(pod.volumes!.filter((v) => v.emptyDir).map((v) => v.name));
    const writable = container
      .volumeMounts!.filter((m) => emptyDirs.has(m.name))
      .map((m) => m.mountPath);
    const written = [
      'pid',
      'client_body_temp_path',
      'proxy_temp_path',
      'fastcgi_temp_path',
      'uwsgi_temp_path',
      'scgi_temp_path',
    ].map((k) => {
      expect(d.get(k), k).toHaveLength(1);
      return d.get(k)![0];
    });
    for (const file of written) {
      expect(
        writable.some((dir) => file.startsWith(`${dir}/`)),
        file,
      ).toBe(true);
      // nginx creates only the last path component: the parent must be the mount itself.
      expect(writable).toContain(path.posix.dirname(file));
    }
    expect(d.get('error_log')).toEqual(['stderr warn']);
    // Access log to stdout (`off` only for the health check location).
    expect(d.get('access_log')?.[0]).toBe('/dev/stdout');
    expect(new Set(d.get('access_log'))).toEqual(new Set(['/dev/stdout', 'off']));
    expect(d.get('daemon')).toEqual(['off']);
    expect(pod.containers[0].command).toEqual(expect.arrayContaining(['-e', 'stderr']));
  });

  it('has a MIME type for every kind of file the plugin build writes', () => {
    const types = mimeTypes(conf);
    expect(types.get('js')).toBe('application/javascript');
    expect(types.get('json')).toBe('application/json');
    expect(types.get('css')).toBe('text/css');
    // Asset types of the webpack config's asset/resource rule, plus the build's own outputs.
    const webpack = fs.readFileSync(path.join(REPO_ROOT, 'webpack.config.ts'), 'utf8');
    const assetRule = [...webpack.matchAll(/test:\s*\/\\\.\(([a-z0-9|?]+)\)/g)].find((m) =>
      m[1].includes('png'),
    );
    expect(assetRule).toBeDefined();
    const assetExts = assetRule![1]
      .split('|')
      .flatMap((e) => (e.endsWith('2?') ? [e.slice(0, -2), `${e.slice(0, -2)}2`] : [e]));
    const dist = path.join(REPO_ROOT, 'dist');
    const built = fs.existsSync(dist)
      ? filesUnder(dist).map((f) => path.extname(f).slice(1).toLowerCase())
      : [];
    for (const ext of new Set([...assetExts, ...built, 'js', 'json', 'txt', 'map'])) {
      expect(types.get(ext), `.${ext}`).toBeDefined();
    }
  });

  it('serves each build from where the image copies it, at its ConsolePlugin base path', () => {
    expect(d.get('root')).toEqual(['/usr/share/nginx/html']);
    for (const build of CONSOLE_BUILDS) {
      const copy = new RegExp(
        `^COPY --from=build .*/${build.outDir}/ /usr/share/nginx/html${build.basePath}$`,
        'm',
      );
      expect(containerfile, build.outDir).toMatch(copy);
    }
    expect(ignore).toMatch(/^!scripts\/console-builds\.ts$/m);
  });
});

describe('Containerfile', () => {
  it('bakes in the chart nginx.conf (one nginx configuration for image and chart)', () => {
    expect(containerfile).toMatch(
      /^COPY .*charts\/clearml-console-plugin\/files\/nginx\.conf \/etc\/nginx\/nginx\.conf$/m,
    );
    expect(ignore).toMatch(/^!charts\/clearml-console-plugin\/files\/nginx\.conf$/m);
  });

  it('builds with npm ci and npm run build, and runs as a non-root user', () => {
    expect(containerfile).toMatch(/RUN npm ci\b/);
    expect(containerfile).toMatch(/RUN npm run build\b/);
    const users = [...containerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toMatch(/^[1-9][0-9]*(:0)?$/);
    expect(containerfile).toMatch(/^EXPOSE 9443$/m);
    expect(containerfile).toMatch(/^ENTRYPOINT \["nginx", "-e", "stderr"/m);
  });

  it('sends the build inputs to the build context', () => {
    for (const input of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'webpack.config.ts',
      'console-extensions.json',
      'i18n/',
      'src/',
    ]) {
      expect(ignore).toContain(`!${input}`);
    }
    expect(fs.readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')).toBe(ignore);
  });
});
