import { HistoryView } from '../customers/customers.views';
import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './staff-people.dto';
import {
  ApplyForPostingDto,
  AsOfQuery,
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
 * Routes under `staff/postings` and `staff/candidates` come before `staff/:id`. The writes on the staff member's
 * file whose gRPC request is the REST body (pay terms, role, skills, erase) are derived: their body the `@BodyOf`
 * class of staff-people.dto.ts, their answer the staff member. Every other write under `/staff` is bound here:
 * postings, candidates, qualifications and the separation share the `staff/` path but answer a resource of their
 * own, and `resourceRoutes` takes one answer per path prefix (a second prefix under `staff/` would derive them
 * twice); the hire answers the staff member with the ETag of its stream.
 */
export const StaffRoutes = resourceRoutes(
  'staff',
  { answer: StaffMemberView, view: staffMemberView },
  bodies,
  [
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
  ],
);
