// Self-tests of the coverage gate: it passes a run at or above 75 % per class and overall, and fails
// one class below the bar, a missing class and a low total, in each JSON shape the CLI writes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageRows, gate, packageApex } from './coverage-gate.mjs';

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('coverage gate', () => {
    it('reads sf apex run test --json and the apex-node shape', () => {
        const sf = { status: 0, result: { coverage: { coverage: [{ name: 'A', totalLines: 10, totalCovered: 8, coveredPercent: 80 }] } } };
        assert.deepEqual(coverageRows(sf), [{ name: 'A', covered: 8, total: 10 }]);
        const node = { codecoverage: [{ name: 'B', numLinesCovered: 3, numLinesUncovered: 1, percentage: '75%' }] };
        assert.deepEqual(coverageRows(node), [{ name: 'B', covered: 3, total: 4 }]);
    });

    it('passes at 75 % and fails a class below it, a class without coverage and a low total', () => {
        const ok = gate([{ name: 'A', covered: 75, total: 100 }, { name: 'b', covered: 9, total: 10 }], { classes: ['A', 'B'] });
        assert.deepEqual(ok.problems, []);
        const low = gate([{ name: 'A', covered: 74, total: 100 }, { name: 'B', covered: 100, total: 100 }], { classes: ['A', 'B', 'C'] });
        assert.deepEqual(low.problems, [
            'A: 74.0 % covered, below 75 %; add tests for its uncovered lines',
            'C: no coverage reported (did its tests run? is it deployed?)'
        ]);
        const total = gate([{ name: 'A', covered: 10, total: 100 }, { name: 'B', covered: 10, total: 10 }], { classes: ['A', 'B'] });
        assert.ok(total.problems.includes('overall: 18.2 % covered, below 75 %'), total.problems.join('\n'));
    });

    it('counts the package classes and triggers, not its tests or SeamTestData', () => {
        const apex = packageApex(PKG);
        assert.ok(apex.includes('SeamOutboxDispatcher') && apex.includes('SeamIncidentUpdateTrigger'));
        assert.ok(!apex.some((n) => n.endsWith('Test') || n === 'SeamTestData'), apex.join(', '));
    });
});
