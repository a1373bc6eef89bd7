import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppException, type Principal } from '../../../core/src/index.js';
import type { ImportResult } from './import-kind.js';
import { fileMissing, fileTooLarge, malformedUpload, unsupportedMediaType } from './import.errors.js';
import { ImportsService } from './imports.service.js';

/** Largest file accepted over HTTP; the CLI has no limit. Matches the multipart limit of the API app. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

type UploadRequest = FastifyRequest & {
  isMultipart?: () => boolean;
  file?: () => Promise<{ fieldname: string; file: Readable & { truncated?: boolean } } | undefined>;
};

/**
 * The HTTP edge of an import: finds the CSV in the request (a `text/csv` body, or the multipart field
 * `file`) as a stream, never buffering the file, and bounds its size.
 */
@Injectable()
export class ImportUploadService {
  constructor(private readonly imports: ImportsService) {}

  async importRequest(
    kind: string,
    req: FastifyRequest,
    principal: Principal,
    dryRun: boolean,
  ): Promise<ImportResult> {
    this.imports.assertKind(kind);
    const source = await csvSourceOf(req as UploadRequest);
    return this.imports.import(kind, source, { principal, dryRun });
  }
}

async function csvSourceOf(req: UploadRequest): Promise<Readable> {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'text/csv') {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_UPLOAD_BYTES) throw fileTooLarge(MAX_UPLOAD_BYTES);
    // The content-type parser of the API app hands over the raw request stream.
    return limited(req.body as Readable);
  }
  if (mediaType === 'multipart/form-data' && req.isMultipart?.() && req.file) {
    const part = await req.file().catch((error: unknown) => {
      throw uploadError(error);
    });
    if (!part) throw fileMissing();
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw fileMissing();
    }
    // Registered before the pipeline's own listener, so the limiter (and the reader) fail with this
    // answer rather than the parser's bare error: a form cut off mid-file is the client's fault.
    part.file.once('error', (error) => stream.destroy(uploadError(error)));
    const stream = limited(part.file);
    // busboy stops at its own fileSize limit and only flags it; make that an error the reader sees.
    part.file.once('limit', () => stream.destroy(fileTooLarge(MAX_UPLOAD_BYTES)));
    return stream;
  }
  throw unsupportedMediaType();
}

/**
 * What the multipart parser (busboy) throws for a form it cannot read (no boundary in the header, a body
 * that is not the form it claims to be, a form cut off) carries no HTTP status and became a 500: it is the
 * request's fault, so 400 `IMPORT.MALFORMED_UPLOAD`. Errors with their own 4xx status (a limit reached,
 * a forbidden field name) keep it.
 */
function uploadError(error: unknown): Error {
  if (error instanceof AppException) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (error instanceof Error && typeof status === 'number' && status >= 400 && status < 500) return error;
  return malformedUpload();
}

/**
 * Passes bytes through until the upload limit, then fails with 413 `IMPORT.TOO_LARGE`. A client that
 * hangs up mid-file fails the stream too (pipeline), so the import is rolled back instead of waiting.
 */
function limited(source: Readable): Transform {
  const max = MAX_UPLOAD_BYTES;
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max) done(fileTooLarge(max));
      else done(null, chunk);
    },
  });
  // The callback has nothing to add: an error destroys `limiter`, and the CSV reader sees it.
  pipeline(source, limiter, () => {});
  return limiter;
}
