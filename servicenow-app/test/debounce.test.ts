import { describe, expect, it } from 'vitest';
import { LOST_TRIGGER_MS, onQueued } from '../src/server/outbox/debounce';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('onQueued (debounce decision)', () => {
    it('debounce 0 sends now, whatever is pending', () => {
        expect(onQueued(T, null, 0)).toEqual({ action: 'send_now' });
        expect(onQueued(T, T + 500, 0)).toEqual({ action: 'send_now' });
    });

    it('schedules at now + debounce, rounded up to the whole second a trigger can hold', () => {
        expect(onQueued(T, null, 1000)).toEqual({ action: 'schedule', atMs: T + 1000 });
        expect(onQueued(T + 250, null, 1000)).toEqual({ action: 'schedule', atMs: T + 2000 });
    });

    it('does nothing while a trigger is pending, even slightly overdue', () => {
        expect(onQueued(T, T + 700, 1000)).toEqual({ action: 'already_scheduled', atMs: T + 700 });
        expect(onQueued(T + 5000, T + 700, 1000)).toEqual({ action: 'already_scheduled', atMs: T + 700 });
    });

    it('replaces a trigger overdue by a minute (presumed lost)', () => {
        expect(onQueued(T + LOST_TRIGGER_MS, T, 1000)).toEqual({ action: 'schedule', atMs: T + LOST_TRIGGER_MS + 1000 });
    });
});
