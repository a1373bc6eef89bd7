export type OpeningHoursErrorCode =
  /** The expression is not valid OSM `opening_hours` syntax (or cannot be evaluated). */
  | 'OPENING_HOURS.INVALID'
  /** A structured schedule (ranges and exceptions) cannot be written as an expression. */
  | 'OPENING_HOURS.INVALID_SCHEDULE'
  /** An ISO week is not of the form `YYYY-Www` or does not exist. */
  | 'OPENING_HOURS.INVALID_WEEK';

/**
 * Thrown for invalid opening hours input. `code` is stable for clients to program against; `message` is a
 * readable English sentence; `libraryMessage` is the `opening_hours` library's own diagnosis, if any.
 */
export class OpeningHoursError extends Error {
  constructor(
    readonly code: OpeningHoursErrorCode,
    message: string,
    readonly libraryMessage?: string,
  ) {
    super(message);
    this.name = 'OpeningHoursError';
  }
}
