import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValues } from '../values';
import { statefulSetOf } from '../test-helpers';
import { ELASTICSEARCH_STARTED_MARKER } from './elasticsearch';
import { PORTS } from './endpoints';
import { render } from './render';

/** A stand-in for one Elasticsearch node: cluster health and the node's own `GET /`. */
const node = { clusterGreen: false, answers: true };
let server: Server;
let port = 0;
const dir = mkdtempSync(join(tmpdir(), 'es-readiness-'));
const marker = join(dir, 'started');

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/_cluster/health') {
      // Elasticsearch answers 408 when wait_for_status times out.
      const wanted = url.searchParams.get('wait_for_status');
      res.writeHead(wanted === 'green' && !node.clusterGreen ? 408 : 200).end('{}');
    } else {
      res.writeHead(node.answers ? 200 : 503).end('{}');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Elasticsearch readiness with several nodes', async () => {
  const es = statefulSetOf(
    await render(createValues({ components: { elasticsearch: { replicas: 3 } } })),
    'clearml-elasticsearch',
  );
  const command = es.spec.template.spec.containers[0].readinessProbe?.exec?.command ?? [];

  /** Runs the rendered probe, with only the port and the marker path changed for the test. */
  const probe = () => {
    const script = command[2]
      .replaceAll(`127.0.0.1:${PORTS.elasticsearchHttp}`, `127.0.0.1:${port}`)
      .replaceAll(ELASTICSEARCH_STARTED_MARKER, marker);
    return new Promise<number>((done) => {
      execFile(command[0], [command[1], script], (err) => done(err ? Number(err.code ?? 1) : 0));
    });
  };

  it('is rendered as the chart does it: bash, health until started, then the node', () => {
    expect(command.slice(0, 2)).toEqual(['bash', '-c']);
    expect(command[2]).toContain('wait_for_status=green&timeout=1s');
  });

  it('waits for a green cluster only until the pod has been ready once', async () => {
    node.clusterGreen = false;
    expect(await probe()).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
    node.clusterGreen = true;
    expect(await probe()).toBe(0);
    expect(existsSync(marker)).toBe(true);
    // A yellow period (another node restarting) keeps this node in the Service.
    node.clusterGreen = false;
    expect(await probe()).toBe(0);
    // A node that stops answering is taken out.
    node.answers = false;
    expect(await probe()).not.toBe(0);
  });
});
