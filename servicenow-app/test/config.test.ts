import { describe, expect, it } from 'vitest';
import { DEFAULTS, PROPERTY, loadSettings } from '../src/server/config';

const source = (values: Record<string, string>) => ({ get: (n: string) => values[n] });

describe('loadSettings', () => {
    it('uses the shipped defaults when no property is set', () => {
        const { settings, problems } = loadSettings(source({}));
        expect(problems).toEqual([]);
        expect(settings.batchSize).toBe(200);
        expect(settings.maxAttempts).toBe(DEFAULTS.maxAttempts);
        expect(settings.triagePolicy.approvalPriorities).toEqual([1, 2]);
    });

    it('reads every knob the admin sets', () => {
        const { settings, problems } = loadSettings(
            source({
                [PROPERTY.batchSize]: '50',
                [PROPERTY.maxAttempts]: '3',
                [PROPERTY.syncEnabled]: 'false',
                [PROPERTY.proxyUrl]: 'https://proxy.example.test/',
                [PROPERTY.triageReviewBelow]: '0.4',
                [PROPERTY.triageAutoCreateAbove]: '0.9',
                [PROPERTY.triageApprovalPriorities]: '1',
                [PROPERTY.customerFacingServices]: 'svc1, svc2 ,',
            }),
        );
        expect(problems).toEqual([]);
        expect(settings).toMatchObject({ batchSize: 50, maxAttempts: 3, syncEnabled: false, proxyUrl: 'https://proxy.example.test', customerFacingServices: ['svc1', 'svc2'] });
        expect(settings.triagePolicy).toEqual({ reviewBelow: 0.4, autoCreateAbove: 0.9, approvalPriorities: [1] });
    });

    it('rejects a batch size above the sObject Collections limit, naming the property and the fix', () => {
        const { settings, problems } = loadSettings(source({ [PROPERTY.batchSize]: '500' }));
        expect(settings.batchSize).toBe(200);
        expect(problems[0]).toMatchObject({ field: PROPERTY.batchSize });
        expect(problems[0].fix).toMatch(/between 1 and 200/);
    });

    it('reports a non-https proxy URL and an inverted triage policy against the admin-facing property', () => {
        const { settings, problems } = loadSettings(
            source({ [PROPERTY.proxyUrl]: 'http://insecure', [PROPERTY.triageReviewBelow]: '0.95', [PROPERTY.triageAutoCreateAbove]: '0.5', [PROPERTY.syncEnabled]: 'yes' }),
        );
        expect(settings.proxyUrl).toBe('');
        expect(settings.triagePolicy).toEqual(DEFAULTS.triagePolicy);
        expect(settings.syncEnabled).toBe(true);
        const fields = problems.map((p) => p.field);
        expect(fields).toContain(PROPERTY.proxyUrl);
        expect(fields).toContain(PROPERTY.triageReviewBelow);
        expect(fields).toContain(PROPERTY.syncEnabled);
    });
});
