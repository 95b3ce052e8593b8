import { isIP } from 'node:net';

/** How much of the client IP to store: all of it, a truncated prefix, or nothing. */
export type IpMode = 'full' | 'truncated' | 'none';

/** Expand an IPv6 address to its eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail: number[] = [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    text = `${text.slice(0, v4.index)}0:0`;
  }
  const [left = '', right] = text.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(left);
  const rest = right === undefined ? [] : parse(right);
  const groups =
    right === undefined ? head : [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  if (tail.length) groups.splice(groups.length - 2, 2, ...tail);
  return groups;
}

/**
 * Reduce an address per `mode`. Truncation zeroes the last IPv4 octet
 * (`/24`) or keeps the IPv6 `/48` prefix, which still locates the network
 * but no longer the subscriber. IPv4-mapped IPv6 is reported as IPv4.
 *
 * @example
 * reduceIp('203.0.113.77', 'truncated');        // '203.0.113.0'
 * reduceIp('2001:db8:1234:5678::1', 'truncated'); // '2001:db8:1234::'
 */
export function reduceIp(address: string | undefined, mode: IpMode): string | null {
  if (mode === 'none' || !address) return null;
  let ip = address.trim().replace(/%.*$/, '');
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) ip = ip.slice(7);
  const family = isIP(ip);
  if (family === 0) return null;
  if (mode === 'full') return ip;
  if (family === 4) return ip.replace(/\.\d+$/, '.0');
  const groups = ipv6Groups(ip);
  return formatIpv6([...groups.slice(0, 3), 0, 0, 0, 0, 0]);
}

/** RFC 5952 text: lowercase hex, the longest run of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/**
 * The client address of a request: the socket peer, or with `trustProxy`
 * the last `X-Forwarded-For` entry (the one your own proxy appended).
 *
 * @example
 * clientAddress(req, false); // '127.0.0.1'
 */
export function clientAddress(
  req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trustProxy: boolean,
): string | undefined {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const last = value
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .pop();
    // Some proxies append the port: 203.0.113.7:5678, [2001:db8::1]:443.
    if (last) return last.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  }
  return req.socket.remoteAddress;
}
