// @ts-check
/**
 * Errors as the REST API returns them. Top-level failures are an array of
 * `{ message, errorCode, fields? }`; per-record failures inside a SaveResult use `statusCode`.
 */

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {string} errorCode e.g. `INVALID_FIELD`
   * @param {string} message
   * @param {string[]} [fields]
   */
  constructor(status, errorCode, message, fields) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }

  /** The body the REST API sends for this error. */
  toBody() {
    /** @type {{message: string, errorCode: string, fields?: string[]}} */
    const e = { message: this.message, errorCode: this.errorCode };
    if (this.fields) e.fields = this.fields;
    return [e];
  }

  /** The entry inside a SaveResult's `errors` array. */
  toSaveError() {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export const notFound = () => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
/** @param {string} message */
export const badRequest = (message) => new ApiError(400, 'JSON_PARSER_ERROR', message);
/** @param {string} message */
export const malformedQuery = (message) => new ApiError(400, 'MALFORMED_QUERY', message);
