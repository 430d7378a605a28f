// The triage drift alert on the sandbox: a stream of IT tickets from the public data (in
// distribution), then customer questions from another domain (gardening and cooking). The alert must
// fire once per signal, within one window of the turn, and never during the in-distribution half.
// Note: IT text with its words shuffled does NOT move the embedded model (a bag of words reads the
// same words), so the off-distribution half is other-domain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, startE2E, type E2E } from './helpers.js';
import { SERVICENOW_USERS } from '../sandbox/sandbox.js';
import { loadPublicData } from '../../proxy/dist/ml/dataset.js';
import { PUBLIC_DATA_DIR } from '../../proxy/dist/ml/modelStore.js';

const WINDOW = 10;
const BASELINE = 20;
const HALF = 30;

const OTHER_DOMAIN = [
  'Roast the parsnips with rosemary and thyme until golden and caramelised',
  'Which fertiliser suits tomato seedlings in a greenhouse during a damp spring',
  'Prune the hydrangeas after flowering and mulch the borders with compost',
  'Whisk the egg whites into stiff peaks and fold in the almond flour',
  'My basil wilts on the windowsill although I water it every morning',
  'How deep should tulip bulbs be planted in clay soil before the frost',
  'The lemon drizzle sponge sank in the middle after baking',
  'Slugs keep eating the lettuce leaves in my raised vegetable beds',
  'Can I freeze homemade pesto with pine nuts and parmesan',
  'The roses on the trellis have black spots on their leaves',
];

interface TwinEvent { name: string; instance: string; parm1: string; parm2: string }

async function twinEvents(e: E2E): Promise<TwinEvent[]> {
  const u = SERVICENOW_USERS.admin;
  const res = await fetch(`${e.sandbox.urls.servicenow}/twin/logs`, { headers: { authorization: 'Basic ' + Buffer.from(`${u.user}:${u.password}`).toString('base64') } });
  const body = (await res.json()) as { events: TwinEvent[] };
  return body.events.filter((ev) => ev.name === 'x_seam_bridge.triage.drift');
}

describe('triage drift alert on the sandbox', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ 'x_seam_bridge.drift.window_size': String(WINDOW), 'x_seam_bridge.drift.baseline_size': String(BASELINE) });
  });
  afterAll(async () => { await e?.close(); });

  it('fires once per signal, within one window after the stream turns off-distribution, never before', async () => {
    const it = loadPublicData(PUBLIC_DATA_DIR).filter((x) => x.route === 'servicenow').slice(0, HALF);
    for (const t of it) {
      await createCase(e.sf, { Subject: t.text.slice(0, 80), Description: t.text, Priority: 'Low' });
      await e.sandbox.settle();
    }
    expect(await twinEvents(e)).toEqual([]);

    const firstSeen: Record<string, number> = {};
    let statusAtAlert: Record<string, string> | undefined;
    for (let i = 0; i < HALF; i++) {
      const a = OTHER_DOMAIN[i % OTHER_DOMAIN.length]!;
      const b = OTHER_DOMAIN[(i * 3 + 1) % OTHER_DOMAIN.length]!;
      await createCase(e.sf, { Subject: a, Description: `${a}. ${b}?`, Priority: 'Low' });
      await e.sandbox.settle();
      for (const ev of await twinEvents(e)) {
        const signal = ev.parm2.split(':')[0]!;
        if (firstSeen[signal] === undefined) firstSeen[signal] = i;
      }
      if (!statusAtAlert && Object.keys(firstSeen).length) statusAtAlert = (await e.sn.query('x_seam_bridge_ops_state', 'name=triage_drift'))[0];
    }
    const events = await twinEvents(e);
    expect(events.map((ev) => ev.parm2.split(':')[0]).sort()).toEqual(['confidence', 'unknown_types']);
    for (const signal of ['confidence', 'unknown_types']) expect(firstSeen[signal]).toBeLessThan(WINDOW);

    // While alerting, Seam Status says so with the numbers (the console shows it; the notification's record).
    expect(statusAtAlert).toMatchObject({ name: 'triage_drift', status: 'alerting' });
    expect(statusAtAlert!.detail).toMatch(/close to no class|mean confidence/);
    expect(events.every((ev) => ev.instance === statusAtAlert!.sys_id)).toBe(true);
    // Once the baseline has caught up with the lasting shift, the episode is over and nothing repeats.
    expect((await e.sn.query('x_seam_bridge_ops_state', 'name=triage_drift'))[0]!.status).toBe('ok');
  }, 240_000);
});
