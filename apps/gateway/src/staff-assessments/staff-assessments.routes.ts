import { controllerOf, route } from '../routes/mount';
import {
  AssessPeriodDto,
  ChangeAssessmentPolicyDto,
  GetAssessmentQuery,
  ListAssessmentsQuery,
  PreviewAssessmentDto,
} from './staff-assessments.dto';
import {
  AssessmentPageView,
  assessmentPageView,
  AssessmentPolicyView,
  assessmentPolicyView,
  AssessmentView,
  assessmentView,
} from './staff-assessments.views';

/** Assessment cycles over REST: each route is its declaration bound to these shapes. */
export const StaffAssessmentRoutes = controllerOf('staff-assessments', [
  route({ rpc: 'staff.GetAssessmentPolicy', answer: AssessmentPolicyView, view: assessmentPolicyView }),
  route({
    rpc: 'staff.ChangeAssessmentPolicy',
    body: ChangeAssessmentPolicyDto,
    answer: AssessmentPolicyView,
    view: assessmentPolicyView,
  }),
  route({
    rpc: 'staff.PreviewAssessment',
    body: PreviewAssessmentDto,
    answer: AssessmentView,
    view: assessmentView,
  }),
  route({ rpc: 'staff.AssessPeriod', body: AssessPeriodDto, answer: AssessmentView, view: assessmentView }),
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
]);
