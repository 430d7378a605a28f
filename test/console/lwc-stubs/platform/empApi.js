/**
 * Stand-in for lightning/empApi over the console's SSE feed (`/api/events`, event
 * `platform-event`), which relays the Salesforce twin's Platform Event feed. Messages have the
 * CometD shape the platform delivers: `{ channel, data: { event: { replayId }, payload } }`.
 * Only new events are delivered (replay id -1); the console does not replay history.
 */
let source;
let errorHandler;
let nextId = 1;
const subscriptions = new Map();

function ensureSource() {
    if (source) return;
    source = new EventSource('/api/events');
    source.addEventListener('platform-event', (e) => {
        const event = JSON.parse(e.data);
        const channel = `/event/${event.type}`;
        for (const sub of subscriptions.values()) {
            if (sub.channel === channel) sub.callback({ channel, data: { event: { replayId: event.replayId }, payload: event.payload } });
        }
    });
    source.onerror = () => {
        if (errorHandler) errorHandler({ error: 'Console event stream interrupted; the browser reconnects on its own.' });
    };
}

export function subscribe(channel, replayId, callback) {
    ensureSource();
    const id = nextId++;
    subscriptions.set(id, { channel, callback });
    return Promise.resolve({ id, channel, replayId });
}

export function unsubscribe(subscription, callback) {
    const removed = Boolean(subscription && subscriptions.delete(subscription.id));
    if (callback) callback({ successful: removed });
    return Promise.resolve(removed);
}

export function onError(callback) {
    errorHandler = callback;
}

export function setDebugFlag() {
    return Promise.resolve(true);
}

export function isEmpEnabled() {
    return Promise.resolve(true);
}
