import { StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { StoredArtifact } from './report-runs.repository.js';

/** The media types a report downloads as (`format` html, csv, pdf, json, xlsx), for OpenAPI. */
export const ApiReportFormats = () =>
  applyDecorators(
    ApiProduces(
      'text/html',
      'text/csv',
      'application/pdf',
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ),
  );

/** A stored report file as a download, for the staff and the public routes alike. */
export function reportAttachment(file: StoredArtifact): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}
