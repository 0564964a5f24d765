import { streamId, type Decider } from '@serviceops/kernel';
import type { PostingCommand } from './posting.commands';
import { decidePosting, type PostingContext } from './posting.decide';
import type { PostingEvent } from './posting.events';
import { evolvePosting } from './posting.evolve';
import { initialPostingState, type PostingState } from './posting.state';

export const postingDecider: Decider<PostingCommand, PostingEvent, PostingState, PostingContext> = {
  initialState: initialPostingState,
  decide: decidePosting,
  evolve: evolvePosting,
};

/** One stream per posting: 'posting-<tenantId>-<postingId>' (stream ids always lead with their tenant). */
export function postingStreamId(tenantId: string, postingId: string): string {
  return streamId('posting', tenantId, postingId);
}
