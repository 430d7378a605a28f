// Loads @salesforce/source-deploy-retrieve on Node 20. SDR pulls in jsforce-node, whose undici 8
// needs Node 22 (zlib zstd, webidl) and crashes at require time, although converting source to
// metadata format never makes an HTTP call. On Node < 22 we point jsforce-node's `undici` at the
// workspace's undici 7 (Node 20 compatible). Remove this shim once the root runs Node 22.
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function shimUndici() {
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= 22 || Module._seamUndiciShim) return;
    let compatible;
    try {
        compatible = require.resolve('undici');
    } catch {
        return;
    }
    const original = Module._resolveFilename;
    Module._resolveFilename = function resolve(request, parent, ...rest) {
        if (request === 'undici' && parent && parent.filename && parent.filename.includes('jsforce-node')) {
            return compatible;
        }
        return original.call(this, request, parent, ...rest);
    };
    Module._seamUndiciShim = true;
}

/** @returns {Promise<typeof import('@salesforce/source-deploy-retrieve')>} */
export async function loadSdr() {
    shimUndici();
    return import('@salesforce/source-deploy-retrieve');
}
