import { describe, expect, it } from 'vitest';
import { formatDuration, slaView, syncHealth, toEpochMs } from './panel';

const NOW = '2026-01-10T12:00:00Z';
const MIN = 60000;

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(30 * 1000)).toBe('less than 1 min');
    expect(formatDuration(45 * MIN)).toBe('45 min');
    expect(formatDuration(60 * MIN)).toBe('1 h');
    expect(formatDuration(125 * MIN)).toBe('2 h 5 min');
    expect(formatDuration(-125 * MIN)).toBe('2 h 5 min');
    expect(formatDuration(2 * 24 * 60 * MIN + 3 * 60 * MIN + 7 * MIN)).toBe('2 d 3 h');
    expect(formatDuration(24 * 60 * MIN)).toBe('1 d');
  });
});

describe('slaView', () => {
  it('shows on track, at risk, breached and none', () => {
    expect(slaView('2026-01-10T15:00:00Z', NOW)).toEqual({ badge: 'on_track', msLeft: 180 * MIN, text: '3 h left' });
    expect(slaView('2026-01-10 12:30:00', NOW)).toMatchObject({ badge: 'at_risk', text: '30 min left' });
    expect(slaView('2026-01-10T12:30:00Z', NOW, { atRiskMinutes: 15 }).badge).toBe('on_track');
    expect(slaView('2026-01-10T11:57:00Z', NOW)).toMatchObject({ badge: 'breached', msLeft: -3 * MIN, text: 'overdue by 3 min' });
    expect(slaView(NOW, NOW)).toMatchObject({ badge: 'breached', text: 'due now' });
    expect(slaView(null, NOW)).toEqual({ badge: 'none', msLeft: null, text: 'No SLA' });
    expect(slaView('', NOW).badge).toBe('none');
    expect(slaView('garbage', NOW).badge).toBe('none');
    expect(slaView(Date.UTC(2026, 0, 10, 13), Date.UTC(2026, 0, 10, 12))).toMatchObject({ badge: 'on_track', text: '1 h left' });
  });

  it('reads epoch numbers and rejects non-finite ones', () => {
    expect(toEpochMs(5)).toBe(5);
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toEpochMs(undefined)).toBeNull();
  });
});

describe('syncHealth', () => {
  it('shows the worst state first', () => {
    expect(syncHealth({ lastSyncAt: '2026-01-10T11:55:00Z', pending: 0, lastError: null }, NOW)).toEqual({
      status: 'ok',
      label: 'In sync',
      detail: 'Last synced 5 min ago',
    });
    expect(syncHealth({ lastSyncAt: '2026-01-10T11:55:00Z', pending: 2, lastError: null }, NOW)).toMatchObject({
      status: 'pending',
      detail: '2 changes waiting to sync (last synced 5 min ago)',
    });
    expect(syncHealth({ lastSyncAt: null, pending: 1, lastError: '' }, NOW).detail).toBe('1 change waiting to sync (never synced)');
    expect(syncHealth({ lastSyncAt: null, pending: 0, lastError: null }, NOW).status).toBe('pending');
    const e = syncHealth({ lastSyncAt: '2026-01-10T11:55:00Z', pending: 3, lastError: 'urgency: unknown value' }, NOW);
    expect(e.status).toBe('error');
    expect(e.detail).toContain('urgency: unknown value');
  });
});
