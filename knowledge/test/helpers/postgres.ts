export { startPostgres, type TestPostgres } from '../../src/devPostgres.js';
