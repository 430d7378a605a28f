// @ts-check
/** Shared JSDoc types of the Salesforce twin. */

/** @typedef {string | number | boolean | null} Scalar */
/** @typedef {Record<string, Scalar>} SRecord a stored record: API name → value */

export {};
