import { controllerOf, route } from '../routes/mount';
import {
  InviteToTrainingSessionDto,
  RecordTrainingAttendanceDto,
  ScheduleTrainingSessionDto,
} from './training-sessions.dto';
import { TrainingSessionView, trainingSessionView } from './training-sessions.views';

/** The staff service's training sessions over REST: each route is its declaration bound to these shapes. */
export const TrainingSessionRoutes = controllerOf('training-sessions', [
  route({
    rpc: 'staff.ScheduleTrainingSession',
    body: ScheduleTrainingSessionDto,
    answer: TrainingSessionView,
    view: trainingSessionView,
  }),
  route({
    rpc: 'staff.RecordTrainingAttendance',
    body: RecordTrainingAttendanceDto,
    answer: TrainingSessionView,
    view: trainingSessionView,
  }),
  route({
    rpc: 'staff.InviteToTrainingSession',
    body: InviteToTrainingSessionDto,
    answer: TrainingSessionView,
    view: trainingSessionView,
  }),
  route({ rpc: 'staff.GetTrainingSession', answer: TrainingSessionView, view: trainingSessionView }),
]);
