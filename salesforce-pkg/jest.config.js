// LWC tests: the sfdx-lwc-jest preset (LWC compiler, lightning/* stubs, c/* resolution from
// sfdx-project.json) plus @sa11y/jest, so every state of the panel is checked for accessibility.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/mdapi-out']
};
