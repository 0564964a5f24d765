import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './training-sessions.dto';
import { TrainingSessionView, trainingSessionView } from './training-sessions.views';

/**
 * The staff service's training sessions over REST: each route is its declaration (libs/contracts) bound to these
 * shapes. Bound here: the read; every write under /training-sessions is derived (its body the `@BodyOf` class of
 * training-sessions.dto.ts, its answer the session): schedule, invite, record an attendance.
 */
export const TrainingSessionRoutes = resourceRoutes(
  'training-sessions',
  { answer: TrainingSessionView, view: trainingSessionView },
  bodies,
  [route({ rpc: 'staff.GetTrainingSession', answer: TrainingSessionView, view: trainingSessionView })],
);
