import type { AddressInfo } from 'node:net';

/**
 * The address the server really bound, as `server.address()` reports it after `listen`, for the
 * start log: not the configured HOST (a name resolves to one address of several) and not Nest's
 * getUrl(), which prints 127.0.0.1 for a server listening on every interface.
 */
export function boundAddress(address: AddressInfo | string | null): string {
  if (address === null) return 'an address the server does not report';
  // A pipe or a Unix socket path.
  if (typeof address === 'string') return address;
  const ipv6 = address.family === 'IPv6' || (address.family as unknown) === 6;
  const url = `http://${ipv6 ? `[${address.address}]` : address.address}:${address.port}`;
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  return everywhere ? `${url} (every interface)` : url;
}
