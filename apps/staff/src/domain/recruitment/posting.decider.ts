import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { openPosting } from './open-posting';
import { initialPostingState, type PostingContext, type PostingState } from './posting.state';

/** A posting: the list of its use cases, a file each beside this one; the unions and the decider follow. */
export const POSTING_USE_CASES = [openPosting] as const;

export type PostingCommand = CommandOf<typeof POSTING_USE_CASES>;
export type PostingEvent = EventOf<typeof POSTING_USE_CASES>;

export const postingDecider = deciderOf<typeof POSTING_USE_CASES, PostingState, PostingContext>(
  initialPostingState,
  POSTING_USE_CASES,
);

/** One stream per posting: 'posting-<tenantId>-<postingId>' (stream ids always lead with their tenant). */
export function postingStreamId(tenantId: string, postingId: string): string {
  return streamId('posting', tenantId, postingId);
}
