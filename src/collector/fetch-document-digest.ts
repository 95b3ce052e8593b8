import { createHash } from 'node:crypto';
import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** What fetching a published document gave. */
export type DocumentFetch = { ok: true; sha256: string; bytes: number; status: number } | { ok: false; reason: string };

/** Limits and the one exception to the address rule, for {@link fetchDocumentDigest}. */
export interface DocumentFetchOptions {
  /** Whole request, connect to last byte (default 5000 ms). */
  timeoutMs?: number;
  /** Largest body read (default 2 MiB). */
  maxBytes?: number;
  /** Origins (`https://shop.example`) that may resolve to loopback or private addresses: the operator's own sites. */
  privateOrigins?: readonly string[];
}

// Addresses a document on the public web never has; a URL that leads there is someone probing the network.
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}
// Link-local (cloud metadata at 169.254.169.254) stays closed even for the operator's own origins.
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

function blocked(address: string, allowPrivate: boolean): string | undefined {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (LINK_LOCAL.check(address, family)) return `refused: ${address} is a link-local address`;
  if (!allowPrivate && PRIVATE.check(address, family))
    return `refused: ${address} is a private or loopback address (list the site in origins to allow it)`;
  return undefined;
}

/** dns.lookup that refuses blocked addresses, so the check applies to the address actually connected to. */
function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: (...args: any[]) => void): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      for (const entry of addresses) {
        const problem = blocked(entry.address, allowPrivate);
        if (problem) return callback(new Error(problem));
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * Fetch a document a receipt names and hash its exact bytes, for the
 * console's "does the published text still match?" check. Only http(s);
 * no credentials in the URL; no redirects followed; private and loopback
 * addresses refused (checked on the resolved address, so DNS tricks do not
 * help) unless the URL's origin is one of `privateOrigins`; time and size
 * bounded. Never throws.
 *
 * @example
 * const result = await fetchDocumentDigest('https://shop.example/policy.txt');
 * if (result.ok) console.log(result.sha256 === receipt.documents[0].sha256);
 */
export async function fetchDocumentDigest(url: string, options: DocumentFetchOptions = {}): Promise<DocumentFetch> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, reason: 'refused: not an absolute URL' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return { ok: false, reason: 'refused: only http and https' };
  if (target.username || target.password) return { ok: false, reason: 'refused: credentials in the URL' };
  const allowPrivate = (options.privateOrigins ?? []).includes(target.origin);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal)) {
    const problem = blocked(literal, allowPrivate);
    if (problem) return { ok: false, reason: problem };
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: DocumentFetch): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = send(target, {
      method: 'GET',
      headers: { accept: 'text/plain, text/html;q=0.9, */*;q=0.5', 'user-agent': 'soglasie-collector digest check' },
      lookup: guardedLookup(allowPrivate) as never,
    });
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no complete answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    request.on('error', (error) => finish({ ok: false, reason: error.message }));
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        return finish({
          ok: false,
          reason: `redirected (${status}) to ${response.headers.location ?? '?'}: not followed`,
        });
      }
      if (status !== 200) return finish({ ok: false, reason: `HTTP ${status}` });
      const hash = createHash('sha256');
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return finish({ ok: false, reason: `larger than ${maxBytes} bytes` });
        hash.update(chunk);
      });
      response.on('end', () => finish({ ok: true, sha256: hash.digest('hex'), bytes, status }));
      response.on('error', (error) => finish({ ok: false, reason: error.message }));
    });
    request.end();
  });
}
