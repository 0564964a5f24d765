import type { PostingEvent } from './posting.events';
import type { PostingState } from './posting.state';

export function evolvePosting(_state: PostingState, event: PostingEvent): PostingState {
  switch (event.type) {
    case 'PostingOpened':
      return { status: 'active', ...event.data };
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}
