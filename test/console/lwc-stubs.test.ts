// The platform stand-ins the compiled panel runs on, checked in Node with a fake fetch and
// EventSource: they must behave as the platform's modules are documented to, or the panel would
// pass the browser test for the wrong reason.
import { afterEach, describe, expect, it, vi } from 'vitest';

// Loaded by URL: they are browser modules in the LWC style (no JSDoc types), not part of the type check.
const stub = (name: string) => new URL(`./lwc-stubs/platform/${name}.js`, import.meta.url).href;
const { apexMethod, refreshApex } = await import(/* @vite-ignore */ stub('apex'));
const empApi = await import(/* @vite-ignore */ stub('empApi'));

afterEach(() => {
  vi.unstubAllGlobals();
});

function fakeFetch(answers: Array<{ status: number; body: unknown }>) {
  const calls: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    calls.push({ url, body: JSON.parse(init.body) });
    const answer = answers.shift() ?? { status: 500, body: { error: 'no more answers' } };
    return { ok: answer.status < 300, status: answer.status, json: async () => answer.body };
  });
  return calls;
}

describe('@salesforce/apex stand-in', () => {
  it('calls the console\'s Apex proxy with the parameters and returns the answer', async () => {
    const calls = fakeFetch([{ status: 200, body: { linked: true } }]);
    const getLink = apexMethod('SeamPanelController', 'getLink');
    await expect(getLink({ caseId: '500x' })).resolves.toEqual({ linked: true });
    expect(calls).toEqual([{ url: '/api/apex/SeamPanelController/getLink', body: { caseId: '500x' } }]);
  });

  it('rejects with the Aura error shape, so the panel\'s errorMessage() finds body.message', async () => {
    fakeFetch([{ status: 400, body: { error: 'You need edit access to this case' } }]);
    await expect(apexMethod('SeamPanelController', 'escalate')({ caseId: '500x' })).rejects.toMatchObject({ status: 400, body: { message: 'You need edit access to this case' } });
  });

  it('as a wire adapter: waits for its reactive parameters, emits {data, error}, and refreshApex re-runs it', async () => {
    const calls = fakeFetch([{ status: 200, body: { n: 1 } }, { status: 200, body: { n: 2 } }, { status: 404, body: { error: 'gone' } }]);
    const emitted: Array<{ data?: any; error?: any }> = [];
    const Adapter = apexMethod('SeamPanelController', 'getLink').adapter;
    const wire = new Adapter((value: { data?: any; error?: any }) => emitted.push(value));
    wire.connect();
    await wire.update({ caseId: undefined });
    expect(calls).toHaveLength(0);
    await wire.update({ caseId: '500x' });
    expect(emitted[0]).toEqual({ data: { n: 1 }, error: undefined });
    await refreshApex(emitted[0]);
    expect(emitted[1]).toEqual({ data: { n: 2 }, error: undefined });
    await refreshApex(emitted[1]);
    expect(emitted[2].data).toBeUndefined();
    expect(emitted[2].error.body.message).toBe('gone');
    expect(calls).toHaveLength(3);
    await expect(refreshApex({ data: 'not from a wire' })).resolves.toBeUndefined();
  });
});

describe('lightning/empApi stand-in', () => {
  it('delivers the console\'s platform events on their channel in the CometD shape until unsubscribed', async () => {
    const sources: Array<{ url: string; listeners: Map<string, (e: { data: string }) => void> }> = [];
    vi.stubGlobal('EventSource', class {
      listeners = new Map<string, (e: { data: string }) => void>();
      onerror: (() => void) | null = null;
      constructor(public url: string) { sources.push(this); }
      addEventListener(name: string, fn: (e: { data: string }) => void) { this.listeners.set(name, fn); }
    });
    const received: unknown[] = [];
    const sub = await empApi.subscribe('/event/Incident_Update__e', -1, (m: unknown) => received.push(m));
    expect(sources.map((s) => s.url)).toEqual(['/api/events']);
    const emit = (type: string, replayId: number) => sources[0].listeners.get('platform-event')!({ data: JSON.stringify({ type, replayId, payload: { Case_Id__c: '500x' } }) });
    emit('Incident_Update__e', 7);
    emit('Other_Event__e', 8);
    expect(received).toEqual([{ channel: '/event/Incident_Update__e', data: { event: { replayId: 7 }, payload: { Case_Id__c: '500x' } } }]);
    await expect(empApi.unsubscribe(sub)).resolves.toBe(true);
    emit('Incident_Update__e', 9);
    expect(received).toHaveLength(1);
  });
});
