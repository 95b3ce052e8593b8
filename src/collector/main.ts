import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { IpMode } from './client-ip';
import { createCollector } from './create-collector';
import { originProblem } from './cors';
import type { StoreChoice } from './open-store';
import { declaredTooLarge } from './read-body';
import { headCommand, verifyCommand } from './cli-commands';
import { startHeadSigner } from './head-signer';
import { loadSigningKey } from './signed-head';

const MAX_BODY_BYTES = 16 * 1024;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** What {@link main} leaves behind: an exit code, and for `serve` the running server. */
export interface CliResult {
  exitCode: number;
  server?: { url: string; close(): Promise<void> };
}

/** The `--help` text. */
export const USAGE = `Usage:
  soglasie-collector [--db PATH | --pg URL] [--port 8787] [--host 127.0.0.1]
                     [--origin URL]... [--allow-no-origin] [--token TOKEN]
                     [--ip full|truncated|none] [--trust-proxy] [--table NAME]
                     [--pg-timeout MS] [--pg-connect-timeout MS]
                     [--signing-key KEY.pem [--heads-dir ./heads] [--head-interval 3600]]
  soglasie-collector verify [--db PATH | --pg URL] [--head FILE [--public-key PUB.pem]]
  soglasie-collector head [--db PATH | --pg URL] --signing-key KEY.pem

  --db PATH      SQLite file (default ./receipts.sqlite)
  --pg URL       PostgreSQL connection URL instead of SQLite
  --port N       port to listen on (default 8787; 0 picks a free one)
  --host ADDR    address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --origin URL   site origin allowed to post, exactly as browsers send it: https://shop.example,
                 no path or trailing slash; repeat for more, '*' for any. A POST from another
                 origin gets 403 and is not stored; a receipt whose page is on another origin
                 gets 400. Browsers on these origins may read the answers (CORS). Without
                 --origin anyone may post and no browser may read the answers
  --allow-no-origin
                 with --origin, also accept POSTs without an Origin header (your own servers;
                 browsers always send one)
  --token TOKEN  bearer token for the read side (or env SOGLASIE_COLLECTOR_TOKEN);
                 without it the read side is off
  --ip MODE      client IP kept: full, truncated (default; /24, /48) or none
  --trust-proxy  take the client IP from X-Forwarded-For (behind your own proxy)
  --table NAME   table of the receipts (default soglasie_receipts; the head is NAME_head)
  --pg-timeout MS          longest a PostgreSQL statement may take (default 5000); past it the
                           request gets 503 with Retry-After and nothing of it is stored
  --pg-connect-timeout MS  longest wait for a PostgreSQL connection (default 5000)
  --signing-key KEY.pem   Ed25519 private key (openssl genpkey -algorithm ed25519 -out KEY.pem):
                          sign the chain head at start and every --head-interval seconds
                          (default 3600) into --heads-dir (default ./heads); copy those
                          files off the machine
  --head FILE             (verify) also check the chain against a signed head kept elsewhere:
                          a rewound or recomputed chain fails
  --public-key PUB.pem    (verify) the key the head must be signed with (default: the one in FILE)
verify walks the hash chain and exits 1 at the first broken link.
head prints the current chain head, signed, as JSON (keep it outside the database).`;

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The `soglasie-collector` command, callable in-process. `serve` (default)
 * resolves once listening and returns the server; `verify` resolves with
 * exit code 0 (intact), 1 (broken) or 2 (usage or connection error).
 *
 * @example
 * const { exitCode } = await main(['verify', '--db', './receipts.sqlite']);
 */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        pg: { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        token: { type: 'string' },
        ip: { type: 'string', default: 'truncated' },
        'trust-proxy': { type: 'boolean', default: false },
        table: { type: 'string' },
        'allow-no-origin': { type: 'boolean', default: false },
        'pg-timeout': { type: 'string', default: '5000' },
        'pg-connect-timeout': { type: 'string', default: '5000' },
        head: { type: 'string' },
        'public-key': { type: 'string' },
        'signing-key': { type: 'string' },
        'heads-dir': { type: 'string', default: './heads' },
        'head-interval': { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return { exitCode: 2 };
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    io.out(USAGE);
    return { exitCode: 0 };
  }
  const usage = (message: string): CliResult => {
    io.err(`${message}\n\n${USAGE}`);
    return { exitCode: 2 };
  };
  if (positionals.length > 1 || !['serve', 'verify', 'head'].includes(command))
    return usage(`unknown command: ${positionals.join(' ')}`);
  if (values.db !== undefined && values.pg !== undefined) return usage('use either --db or --pg');
  const statementTimeoutMs = Number(values['pg-timeout']);
  const connectTimeoutMs = Number(values['pg-connect-timeout']);
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 1)
    return usage(`--pg-timeout: expected milliseconds, got ${values['pg-timeout']}`);
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs < 1)
    return usage(`--pg-connect-timeout: expected milliseconds, got ${values['pg-connect-timeout']}`);
  const choice: StoreChoice =
    values.pg !== undefined
      ? { pg: { url: values.pg, statementTimeoutMs, connectTimeoutMs }, table: values.table }
      : { db: values.db ?? './receipts.sqlite', table: values.table };

  if (command === 'verify') return verifyCommand(choice, { head: values.head, publicKey: values['public-key'] }, io);
  let signingKey: KeyObject | undefined;
  if (values['signing-key'] !== undefined) {
    try {
      signingKey = loadSigningKey(readFileSync(values['signing-key'], 'utf8'));
    } catch (error) {
      return usage(`--signing-key: ${(error as Error).message}`);
    }
  }
  if (command === 'head') {
    if (!signingKey) return usage('head needs --signing-key');
    return headCommand(choice, signingKey, io);
  }
  const headInterval = Number(values['head-interval']);
  if (!(headInterval > 0)) return usage(`--head-interval: expected seconds, got ${values['head-interval']}`);

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port: expected 0-65535, got ${values.port}`);
  if (!['full', 'truncated', 'none'].includes(values.ip))
    return usage(`--ip: expected full, truncated or none, got ${values.ip}`);
  const badOrigin = originProblem(values.origin);
  if (badOrigin) return usage(`--origin: ${badOrigin}`);

  let collector;
  try {
    collector = await createCollector({
      ...choice,
      origins: values.origin,
      allowNoOrigin: values['allow-no-origin'],
      token: values.token ?? process.env.SOGLASIE_COLLECTOR_TOKEN,
      ip: values.ip as IpMode,
      trustProxy: values['trust-proxy'],
      maxBodyBytes: MAX_BODY_BYTES,
    });
  } catch (error) {
    io.err(`cannot open the store: ${(error as Error).message}`);
    return { exitCode: 2 };
  }
  // Bounded request time: a client trickling its body cannot hold a socket forever.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, collector.handler);
  // A client that asks before sending (Expect: 100-continue) learns at once that a huge body is refused.
  server.on('checkContinue', (req, res) => {
    if (declaredTooLarge(req, MAX_BODY_BYTES)) {
      res.writeHead(413, { connection: 'close', 'content-length': '0' });
      res.end();
      return;
    }
    res.writeContinue();
    collector.handler(req, res);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, values.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await collector.close();
    io.err(`cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
    return { exitCode: 1 };
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  io.out(
    `soglasie collector listening on ${url}/receipts (${values.pg !== undefined ? 'PostgreSQL' : `SQLite ${choice.db}`})`,
  );
  if (!values.token && !process.env.SOGLASIE_COLLECTOR_TOKEN) io.out('read side disabled (no --token)');
  const signer = signingKey
    ? startHeadSigner({
        store: collector.store,
        key: signingKey,
        dir: values['heads-dir'],
        intervalMs: headInterval * 1000,
        report: io.out,
      })
    : undefined;
  return {
    exitCode: 0,
    server: {
      url,
      async close() {
        signer?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await collector.close();
      },
    },
  };
}
