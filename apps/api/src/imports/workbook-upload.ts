import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { refuse } from '@app/domain';
import { EdgeRefusal } from '../http/problem-catalogue';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What POST /imports takes: the workbook itself, or a CSV of one sheet. */
export const WORKBOOK_TYPES: readonly string[] = [XLSX, 'text/csv', 'application/octet-stream'];

export function isWorkbookUpload(request: Request): boolean {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return (
    request.method === 'POST' && request.path === '/imports' && type !== undefined && WORKBOOK_TYPES.includes(type)
  );
}

/**
 * The uploaded file, read into memory up to `limit` bytes: a longer body is refused as soon as
 * it passes the limit (400 WORKBOOK_TOO_LARGE), without reading the rest, so memory stays bounded.
 */
export function readUpload(request: Request, limit: number): Promise<Buffer> {
  if (!isWorkbookUpload(request)) {
    const type = request.headers['content-type'];
    return Promise.reject(
      new EdgeRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', {
        contentType: type === undefined ? null : (type.split(';')[0]?.trim() ?? ''),
        workbook: true,
      }),
    );
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(declared, limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(size, limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function tooLarge(size: number, limit: number): Error {
  return refuse('WORKBOOK_TOO_LARGE', { sizeBytes: size, limitBytes: limit });
}
