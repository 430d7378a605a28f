// `expect(element).toBeAccessible()` in every LWC test.
const { setup } = require('@sa11y/jest');

setup();
