import { controllerOf, route } from '../routes/mount';
import {
  ChangeConductRulesDto,
  DecideAppealDto,
  GrantRewardDto,
  ListViolationsQuery,
  RecordViolationDto,
} from './staff-discipline.dto';
import {
  ConductRulesView,
  conductRulesView,
  DisciplineRecordView,
  disciplineRecordView,
  ViolationPageView,
  violationPageView,
} from './staff-discipline.views';

/** The conduct register and its rules over REST: each route is its declaration bound to these shapes. */
export const DisciplineRoutes = controllerOf('staff-discipline', [
  route({
    rpc: 'staff.RecordViolation',
    body: RecordViolationDto,
    answer: DisciplineRecordView,
    view: disciplineRecordView,
  }),
  route({
    rpc: 'staff.DecideAppeal',
    body: DecideAppealDto,
    answer: DisciplineRecordView,
    view: disciplineRecordView,
  }),
  route({
    rpc: 'staff.GrantReward',
    body: GrantRewardDto,
    answer: DisciplineRecordView,
    view: disciplineRecordView,
  }),
  route({
    rpc: 'staff.ListViolations',
    query: ListViolationsQuery,
    answer: ViolationPageView,
    view: violationPageView,
  }),
  route({ rpc: 'staff.GetDisciplineRecord', answer: DisciplineRecordView, view: disciplineRecordView }),
  route({ rpc: 'staff.GetConductRules', answer: ConductRulesView, view: conductRulesView }),
  route({
    rpc: 'staff.ChangeConductRules',
    body: ChangeConductRulesDto,
    answer: ConductRulesView,
    view: conductRulesView,
  }),
]);
