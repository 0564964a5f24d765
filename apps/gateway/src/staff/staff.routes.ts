import { HistoryView } from '../customers/customers.views';
import { controllerOf, route } from '../routes/mount';
import {
  ApplyForPostingDto,
  AsOfQuery,
  ChangePayTermsDto,
  ChangeStaffRoleDto,
  DismissStaffMemberDto,
  EligibilityQuery,
  ListCandidatesQuery,
  ListStaffQuery,
  HireCandidateDto,
  OpenPostingDto,
  PeoplePolicyDto,
  RecordQualificationDto,
  RecordRecruitmentStepDto,
  ResignStaffMemberDto,
  SetStaffSkillsDto,
  ReverifyQualificationDto,
  SuspendQualificationDto,
  TickHandoverItemDto,
} from './staff-people.dto';
import {
  CandidatePageView,
  CandidateView,
  EligibilityView,
  PeoplePolicyView,
  PostingView,
  QualificationsView,
  SeparationView,
  StaffMemberView,
  StaffPageView,
  StaffSummaryView,
} from './staff-people.views';

const byStaffVersion = (view: { version: number }) => view.version;

/** gRPC carries money as int64, which arrives as a string: REST answers a number (integer minor units). */
function staffMemberView(member: StaffMemberView): StaffMemberView {
  const { dailyPay } = member.payTerms;
  return { ...member, payTerms: { dailyPay: { ...dailyPay, amount: Number(dailyPay.amount) } } };
}

/**
 * The staff service over REST: each route is its declaration (libs/contracts staff.api.ts) bound to these shapes.
 * Routes under `staff/postings` and `staff/candidates` come before `staff/:id`.
 */
export const StaffRoutes = controllerOf('staff', [
  // ---- people: recruitment, the staff file, qualifications, separation ----
  route({ rpc: 'staff.OpenPosting', body: OpenPostingDto, answer: PostingView }),
  route({ rpc: 'staff.GetPosting', answer: PostingView }),
  route({ rpc: 'staff.ListCandidates', query: ListCandidatesQuery, answer: CandidatePageView }),
  route({ rpc: 'staff.ApplyForPosting', body: ApplyForPostingDto, answer: CandidateView }),
  route({ rpc: 'staff.EraseCandidate', answer: CandidateView }),
  route({ rpc: 'staff.GetCandidate', query: AsOfQuery, answer: CandidateView }),
  route({ rpc: 'staff.GetCandidateHistory', answer: HistoryView }),
  route({ rpc: 'staff.RecordRecruitmentStep', body: RecordRecruitmentStepDto, answer: CandidateView }),
  route({
    rpc: 'staff.HireCandidate',
    body: HireCandidateDto,
    answer: StaffMemberView,
    etag: byStaffVersion,
    view: staffMemberView,
  }),
  route({
    rpc: 'staff.ListStaff',
    query: ListStaffQuery,
    answer: StaffPageView,
    view: (page: { items: StaffSummaryView[]; nextCursor?: string }) => ({
      ...page,
      items: page.items.map((s) => ({
        ...s,
        dailyPay: { ...s.dailyPay, amount: Number(s.dailyPay.amount) },
      })),
    }),
  }),
  route({ rpc: 'staff.GetStaffMember', query: AsOfQuery, answer: StaffMemberView, view: staffMemberView }),
  route({ rpc: 'staff.GetStaffMemberHistory', answer: HistoryView }),
  route({ rpc: 'staff.EraseStaffMember', answer: StaffMemberView, view: staffMemberView }),
  route({
    rpc: 'staff.ChangePayTerms',
    body: ChangePayTermsDto,
    answer: StaffMemberView,
    view: staffMemberView,
  }),
  route({
    rpc: 'staff.ChangeStaffRole',
    body: ChangeStaffRoleDto,
    answer: StaffMemberView,
    view: staffMemberView,
  }),
  route({
    rpc: 'staff.SetStaffSkills',
    body: SetStaffSkillsDto,
    answer: StaffMemberView,
    view: staffMemberView,
  }),
  route({ rpc: 'staff.RecordQualification', body: RecordQualificationDto, answer: QualificationsView }),
  route({ rpc: 'staff.SuspendQualification', body: SuspendQualificationDto, answer: QualificationsView }),
  route({ rpc: 'staff.ReinstateQualification', answer: QualificationsView }),
  route({ rpc: 'staff.ReverifyQualification', body: ReverifyQualificationDto, answer: QualificationsView }),
  route({ rpc: 'staff.GetQualifications', query: AsOfQuery, answer: QualificationsView }),
  route({ rpc: 'staff.GetQualificationsHistory', answer: HistoryView }),
  route({ rpc: 'staff.GetEligibility', query: EligibilityQuery, answer: EligibilityView }),
  route({ rpc: 'staff.ResignStaffMember', body: ResignStaffMemberDto, answer: SeparationView }),
  route({ rpc: 'staff.DismissStaffMember', body: DismissStaffMemberDto, answer: SeparationView }),
  route({ rpc: 'staff.TickHandoverItem', body: TickHandoverItemDto, answer: SeparationView }),
  route({ rpc: 'staff.GetSeparation', answer: SeparationView }),
  route({ rpc: 'staff.GetPeoplePolicy', answer: PeoplePolicyView }),
  route({ rpc: 'staff.ChangePeoplePolicy', body: PeoplePolicyDto, answer: PeoplePolicyView }),
]);
