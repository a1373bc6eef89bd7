import {
  AppException,
  formatCsvError,
  type CsvLang,
  type CsvMessageCatalogue,
} from '../../../core/src/index.js';
import type { ImportRowError } from './import-kind.js';

export interface FormattedRowError {
  line: number;
  column: string | null;
  message: string;
}

/**
 * A file with invalid rows: nothing was written. Carries the errors as keys and parameters, so that each
 * edge (HTTP, CLI) puts them into its caller's language.
 */
export class ImportRejectedException extends AppException {
  constructor(
    readonly errors: readonly ImportRowError[],
    /** All errors found; more than `errors.length` when the list was cut short. */
    readonly errorCount: number,
    readonly messages: CsvMessageCatalogue,
  ) {
    super('IMPORT.INVALID_ROWS', `The file was not imported: ${errorCount} problem(s) in its rows.`, 422);
    this.name = 'ImportRejectedException';
  }

  formatErrors(lang: CsvLang): FormattedRowError[] {
    return this.errors.map((error) => ({
      line: error.line,
      column: error.column,
      message: formatCsvError(error, lang, this.messages),
    }));
  }
}

export const unsupportedMediaType = () =>
  new AppException(
    'IMPORT.UNSUPPORTED_MEDIA_TYPE',
    'Send the file as text/csv or as the multipart field "file".',
    415,
  );

export const fileMissing = () =>
  new AppException('IMPORT.FILE_MISSING', 'The form has no file in the field "file".', 400);

export const malformedUpload = () =>
  new AppException(
    'IMPORT.MALFORMED_UPLOAD',
    'The multipart form could not be read. Send the file as the field "file" of a multipart/form-data form, or as text/csv.',
    400,
  );

export const fileTooLarge = (limitBytes: number) =>
  new AppException('IMPORT.TOO_LARGE', `The file is larger than ${limitBytes} bytes.`, 413);
