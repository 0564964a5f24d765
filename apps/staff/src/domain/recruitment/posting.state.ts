import type { PostingOpened } from './posting.events';

export interface AbsentPosting {
  readonly status: 'absent';
}

export type ActivePosting = { readonly status: 'active' } & PostingOpened['data'];

export type PostingState = AbsentPosting | ActivePosting;

export const initialPostingState = (): PostingState => ({ status: 'absent' });
