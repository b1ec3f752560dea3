import type { Request } from 'express';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Whether the request comes straight from this machine: the socket's peer is a loopback address
 * and no proxy forwarded it. A reverse proxy on the same host connects from loopback on behalf
 * of anyone, and says so in Forwarded or X-Forwarded-For; such a request is not local. Headers
 * are never trusted to make a request local, only to make it remote.
 */
export function isDirectLoopback(request: Request): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const forwarded = request.headers.forwarded !== undefined || request.headers['x-forwarded-for'] !== undefined;
  return LOOPBACK.test(peer) && !forwarded;
}
