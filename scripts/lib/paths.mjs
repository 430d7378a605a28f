// Where every generated artefact lands. One table, so the build, the tests and the docs agree.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const at = (...parts) => path.join(root, ...parts);

export const outputs = {
  sharedEntry: at('shared/src/index.ts'),
  sharedDist: at('shared/dist'),
  serviceNowModule: at('servicenow-app/src/server/generated/seam-core.js'),
  lwcModule: at('salesforce-pkg/force-app/main/default/lwc/seamCore/seamCore.js'),
  customMetadataDir: at('salesforce-pkg/force-app/main/default/customMetadata'),
};
