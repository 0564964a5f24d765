import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './staff-assessments.dto';
import { ChangeAssessmentPolicyDto, GetAssessmentQuery, ListAssessmentsQuery } from './staff-assessments.dto';
import {
  AssessmentPageView,
  assessmentPageView,
  AssessmentPolicyView,
  assessmentPolicyView,
  AssessmentView,
  assessmentView,
} from './staff-assessments.views';

/**
 * Assessment cycles over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound here:
 * the reads, and the policy's change (under /policies, not this resource's path); every write under
 * /staff-assessments is derived (its body the `@BodyOf` class of staff-assessments.dto.ts, its answer an
 * assessment): preview a period, assess it.
 */
export const StaffAssessmentRoutes = resourceRoutes(
  'staff-assessments',
  { answer: AssessmentView, view: assessmentView },
  bodies,
  [
    route({ rpc: 'staff.GetAssessmentPolicy', answer: AssessmentPolicyView, view: assessmentPolicyView }),
    route({
      rpc: 'staff.ChangeAssessmentPolicy',
      body: ChangeAssessmentPolicyDto,
      answer: AssessmentPolicyView,
      view: assessmentPolicyView,
    }),
    route({
      rpc: 'staff.GetAssessment',
      query: GetAssessmentQuery,
      answer: AssessmentView,
      view: assessmentView,
    }),
    route({
      rpc: 'staff.ListAssessments',
      query: ListAssessmentsQuery,
      answer: AssessmentPageView,
      view: assessmentPageView,
    }),
  ],
);
