import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProblemResponses, type ProblemStatus } from './problem-responses';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A read that answers one file (a Word document): 200 with its media type and a
 * Content-Disposition naming it, and its problems as problem+json.
 */
export function FileAnswer(
  mediaType: string,
  description: string,
  problems: Partial<Record<ProblemStatus, string | true>>,
): MethodDecorator {
  return applyDecorators(
    ApiProduces(mediaType, 'application/problem+json'),
    ApiResponse({
      status: 200,
      description,
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': {
          description: 'attachment, with the file name in Chinese (filename*, RFC 6266) and in ASCII (filename).',
          schema: { type: 'string' },
        },
      },
    }),
    ProblemResponses({
      503: 'The event store cannot serve the request now; retry later.',
      ...problems,
    }),
  );
}

/**
 * Sends a file as an attachment: the ASCII name for old clients, the Chinese one (UTF-8,
 * percent-encoded) for every browser and Office since 2011.
 */
export function sendFile(
  response: Response,
  bytes: Buffer,
  mediaType: string,
  names: { ascii: string; chinese: string },
): void {
  response.setHeader('Content-Type', mediaType);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.chinese)}`,
  );
  response.send(bytes);
}
