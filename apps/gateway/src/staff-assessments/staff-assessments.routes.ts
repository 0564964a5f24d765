import { controllerOf, route } from '../routes/mount';
import { AssessPeriodDto, ChangeAssessmentPolicyDto, PreviewAssessmentDto } from './staff-assessments.dto';
import {
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
]);
