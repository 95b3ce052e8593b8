// Collector throughput benchmark (not a test). Run after `npm run build`:
//   node bench/collector/run.js        # BENCH_DURATION=10 s per target, BENCH_CONNECTIONS=50
//   SOGLASIE_PG_URL=postgres://… adds PostgreSQL with 1, 2 and 4 collector processes (BENCH_PG_PROCESSES=1,2,4)
// Each target runs in its own child process on 127.0.0.1 so autocannon does
// not share an event loop with the server. Every request carries a valid
// receipt with a fresh receiptId, so the collector really appends each one.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_URL = process.env.SOGLASIE_PG_URL;
const PG_PROCESSES = (process.env.BENCH_PG_PROCESSES ?? '1,2,4').split(',').map(Number);
const COLLECTOR = pathToFileURL(fileURLToPath(new URL('../../dist/collector.mjs', import.meta.url))).href;

const TARGETS = {
  bare: 'bare node:http (read + JSON.parse only)',
  sqlite: 'soglasie collector, SQLite (WAL, synchronous=FULL, group commit)',
};
if (PG_URL) {
  for (const n of PG_PROCESSES) TARGETS[`pg${n}`] = `soglasie collector, PostgreSQL, ${n} process(es)`;
}

function makeReceipt() {
  return JSON.stringify({
    schema: 1,
    receiptId: randomUUID(),
    subjectId: randomUUID(),
    timestamp: Math.floor(Date.now() / 1000),
    event: 'accept',
    method: 'checkbox',
    categories: { necessary: true, analytics: true, marketing: false },
    documents: [{ kind: 'policy', url: 'https://shop.example/privacy', version: '2025-01', sha256: 'a'.repeat(64) }],
    operator: { name: 'ООО «Ромашка»', inn: '7700000000' },
    page: 'https://shop.example/catalog',
    language: 'ru',
    sdk: 'soglasie@bench',
  });
}

/** Child process: start one target, report its port, stop on request. */
async function serve(target) {
  let handler;
  let finish = async () => ({});
  if (target === 'bare') {
    let count = 0;
    handler = (req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        try {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          count++;
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end('{"ok":true}');
        } catch {
          res.writeHead(400).end();
        }
      });
    };
    finish = async () => ({ stored: count });
  } else if (target.startsWith('pg')) {
    const { createCollector, verifyChain } = await import(COLLECTOR);
    const table = process.argv[4];
    const collector = await createCollector({ pg: PG_URL, table });
    handler = collector.handler;
    finish = async () => {
      const report = process.argv[5] === 'first' ? await verifyChain(collector.store) : undefined;
      await collector.close();
      return report ? { stored: report.checked, chainOk: report.ok } : {};
    };
  } else {
    const { createCollector, verifyChain } = await import(COLLECTOR);
    const dir = mkdtempSync(join(tmpdir(), 'soglasie-bench-'));
    const collector = await createCollector({ db: join(dir, 'receipts.sqlite') });
    handler = collector.handler;
    finish = async () => {
      const report = await verifyChain(collector.store);
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
      return { stored: report.checked, chainOk: report.ok };
    };
  }
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    server.close();
    server.closeAllConnections();
    process.send({ done: await finish() });
    process.disconnect();
  });
  // Never outlive the parent.
  process.on('disconnect', () => process.exit(0));
}

function nextMessage(child, key) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message && key in message) {
        child.off('message', onMessage);
        resolve(message[key]);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`bench child exited with ${code}`)));
  });
}

async function measure(target, autocannon) {
  const processes = target.startsWith('pg') ? Number(target.slice(2)) : 1;
  const table = `bench_${Date.now()}`;
  const children = [];
  try {
    const ports = [];
    // One after another: the first creates the table.
    for (let i = 0; i < processes; i++) {
      const child = fork(fileURLToPath(import.meta.url), ['--serve', target, table, i === 0 ? 'first' : 'other'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      ports.push(await nextMessage(child, 'port'));
    }
    const results = await Promise.all(
      ports.map((port) =>
        autocannon({
          url: `http://127.0.0.1:${port}`,
          connections: Math.max(1, Math.round(CONNECTIONS / processes)),
          duration: DURATION,
          requests: [
            {
              method: 'POST',
              path: '/receipts',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => ({ ...request, body: makeReceipt() }),
            },
          ],
        }),
      ),
    );
    // Stop the others first so the first one verifies a quiet chain.
    const dones = [];
    for (const child of [...children.slice(1), children[0]]) {
      child.send('stop');
      dones.push(await nextMessage(child, 'done'));
    }
    const result = {
      requests: { average: results.reduce((sum, r) => sum + r.requests.average, 0) },
      latency: {
        p50: Math.max(...results.map((r) => r.latency.p50)),
        p99: Math.max(...results.map((r) => r.latency.p99)),
      },
      '2xx': results.reduce((sum, r) => sum + r['2xx'], 0),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    };
    return { target, result, done: dones[dones.length - 1] };
  } finally {
    for (const child of children) setTimeout(() => child.kill(), 5000).unref();
  }
}

async function main() {
  if (process.argv[2] === '--serve') return serve(process.argv[3]);
  const { default: autocannon } = await import('autocannon');
  const runs = [];
  for (const target of Object.keys(TARGETS)) {
    console.error(`benchmarking ${TARGETS[target]} for ${DURATION} s…`);
    runs.push(await measure(target, autocannon));
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nnode ${process.version}, ${cpus().length} × ${cpu}, loopback, ${CONNECTIONS} connections, ${DURATION} s per target, ${new Date().toISOString()}\n`,
  );
  console.log(
    'A 201 is sent only after the receipt is linked into the chain: acknowledgement to coverage by verify is 0.\n',
  );
  console.log('| target | receipts/s (mean) | p50 latency | p99 latency | 2xx | non-2xx | errors | stored |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { target, result, done } of runs) {
    const stored =
      done.chainOk === undefined
        ? String(done.stored)
        : `${done.stored} (chain ${done.chainOk ? 'verifies' : 'BROKEN'})`;
    console.log(
      `| ${TARGETS[target]} | ${Math.round(result.requests.average)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result['2xx']} | ${result.non2xx} | ${result.errors + result.timeouts} | ${stored} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
