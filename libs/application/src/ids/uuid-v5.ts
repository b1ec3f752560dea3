import { createHash } from 'node:crypto';

/** The namespace under which branchflow derives event ids (a fixed, random UUID). */
export const BRANCHFLOW_NAMESPACE = '6f1c2b0e-4d1a-5c3e-9a57-2f8e1d4b7c90';

/**
 * RFC 4122 name-based UUID (version 5, SHA-1). Event ids derived this way from a command id and
 * an index are the same on every retry, which is what makes a repeated command a no-op.
 */
export function uuidV5(name: string, namespace: string = BRANCHFLOW_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Namespace ${namespace} is not a UUID.`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the `index`-th event a command produces. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidV5(`${commandId}#${index}`);
}
