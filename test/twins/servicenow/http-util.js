// @ts-check
/** Small HTTP helpers shared by the Table API and the scripted REST API. */

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/**
 * The platform's error body: {"error":{"message","detail"},"status":"failure"}.
 * @param {Res} res @param {number} status @param {string} message @param {string | null} [detail]
 */
export function sendError(res, status, message, detail = null) {
  sendJson(res, status, { error: { message, detail }, status: 'failure' });
}

/** @param {Res} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** @param {Req} req @returns {Promise<string>} */
export async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(/** @type {Buffer} */ (c));
  return Buffer.concat(chunks).toString('utf8');
}
