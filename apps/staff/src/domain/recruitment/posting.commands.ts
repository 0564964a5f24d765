import type { BusinessLine, Role } from '@serviceops/contracts';
import type { PostingCriteria } from './posting.events';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type OpenPosting = Command<
  'OpenPosting',
  {
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    title: string;
    criteria: PostingCriteria;
  }
>;

export type PostingCommand = OpenPosting;
