/** UI action entry points (src/fluent/ui-actions). */
import { replay, replayDeadLetters } from '../outbox/outbox';
import { context, type CurrentRecord } from './context';

/** Form button / list choice "Replay" on one outbox message (also releases a held message). */
export function replayMessage(current: CurrentRecord): void {
    const { ports } = context();
    const result = replay(ports, [current.getUniqueValue()]);
    ports.log.info(`Seam replay ${current.getUniqueValue()}: ${JSON.stringify(result)}`);
}

/** List banner button "Replay all dead letters". */
export function replayAllDeadLetters(): void {
    const { ports } = context();
    const result = replayDeadLetters(ports);
    ports.log.info(`Seam bulk replay: ${JSON.stringify({ replayed: result.replayed, skipped: result.skipped.length })}`);
}

/** Review form buttons: set the decision; the review rule acts on it. */
export function setReviewStatus(current: CurrentRecord, status: 'approved' | 'rerouted' | 'rejected'): void {
    current.setValue('status', status);
    current.update();
}

export const approveReview = (current: CurrentRecord): void => setReviewStatus(current, 'approved');
export const rerouteReview = (current: CurrentRecord): void => setReviewStatus(current, 'rerouted');
export const rejectReview = (current: CurrentRecord): void => setReviewStatus(current, 'rejected');
