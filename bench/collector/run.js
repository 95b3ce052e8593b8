// Collector throughput benchmark (not a test). Run after `npm run build`:
//   node bench/collector/run.js        # BENCH_DURATION=10 s per target, BENCH_CONNECTIONS=10
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
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const COLLECTOR = pathToFileURL(fileURLToPath(new URL('../../dist/collector.mjs', import.meta.url))).href;

const TARGETS = {
  bare: 'bare node:http (read + JSON.parse only)',
  sqlite: 'soglasie collector, SQLite (WAL, synchronous=FULL)',
};

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
  const child = fork(fileURLToPath(import.meta.url), ['--serve', target], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await nextMessage(child, 'port');
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          path: '/receipts',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: makeReceipt() }),
        },
      ],
    });
    child.send('stop');
    const done = await nextMessage(child, 'done');
    return { target, result, done };
  } finally {
    setTimeout(() => child.kill(), 5000).unref();
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
    `\nnode ${process.version}, ${cpus().length} × ${cpu}, loopback, ${CONNECTIONS} connections, ${DURATION} s per target\n`,
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
