import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './staff-discipline.dto';
import { ChangeConductRulesDto, ListViolationsQuery } from './staff-discipline.dto';
import {
  ConductRulesView,
  conductRulesView,
  DisciplineRecordView,
  disciplineRecordView,
  ViolationPageView,
  violationPageView,
} from './staff-discipline.views';

/**
 * The conduct register and its rules over REST: each route is its declaration (libs/contracts) bound to these
 * shapes. Bound here: the reads, and the conduct rules' change (under /policies, not this resource's path); every
 * write under /staff-discipline is derived (its body the `@BodyOf` class of staff-discipline.dto.ts, its answer the
 * register): record a violation, decide an appeal, grant a reward.
 */
export const DisciplineRoutes = resourceRoutes(
  'staff-discipline',
  { answer: DisciplineRecordView, view: disciplineRecordView },
  bodies,
  [
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
  ],
);
