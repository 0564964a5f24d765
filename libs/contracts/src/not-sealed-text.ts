/**
 * The string fields of events kept in clear, each with why: the one explicit list beside the sealed ones
 * (`PERSONAL_TEXT` and `PERSONAL_DATA_SEALED` in fields.ts). A unit test (personal-text.unit.spec.ts) walks every
 * event type the services declare with the compiler's type checker and requires each string field that is not an id
 * (`…Id`) or an instant (`…At`) to be sealed or listed here: a new field is a decision, never an omission.
 * Keys are `EventType.path`, paths written as `sealedPathsOf` writes them (`need.type`, `reasons[]`).
 */

const AN_ID =
  "an id (a user's, a staff member's, a customer's, a booking's holder, a timer's attempt), never text";
const A_DATE =
  'a date or time the record runs on (a term, a due day, a slot, a leave period, working hours): timers, lists and SLAs read it';
const A_CURRENCY = 'an ISO 4217 currency code of an amount';
const A_HASH = 'a sha-256 of the rendered document, hex';
const A_CODE =
  "a code the system or the tenant's policy states (a reason code, a business line, a role, a grade, a cycle, a qualification or training kind)";
const A_REFERENCE =
  'a reference number (a receipt, a signed voucher) checked by a pattern (WORK_ORDER_FIELDS), not free text';
const WHAT_IS_SOLD =
  'what is sold, leased or covered and how it is paid (items, products, payment schedule): about the goods, not the customer (see PERSONAL_TEXT.proposal)';
const BUSINESS_WORDING =
  "the business's own wording (a template's, posting's or conduct rule's title and source), about no person";
const AN_ASPECT =
  "an interview aspect the posting names ('communication'): the candidate's score is a number";
const A_BUSINESS_NAME = "the tenant's or a branch's name: a business, not a person";
const A_TIME_ZONE = 'an IANA time zone';
const ABOUT_EQUIPMENT =
  'about the equipment (RESOURCE_FIELDS: names, log notes, checklists, findings), never a person';
const A_LOGIN_NAME =
  'a login name (or a refusal repeating it): tenancy reads it in clear to authenticate, and staff publishes it to tenancy; a work identifier like an id';

const A_FIELD_NAME = 'the names of the fields a read showed (`name`, `phone`), never their values';
const A_READ_PURPOSE =
  "the purpose a reader stated for a clear read (X-Purpose): an audit record that must outlive an erasure, shown by analytics' audit trail, which holds no keys; decision 49";

const each = (why: string, keys: readonly string[]): Record<string, string> =>
  Object.fromEntries(keys.map((key) => [key, why]));

export const NOT_SEALED_TEXT: Readonly<Record<string, string>> = {
  ...each(AN_ID, [
    'ContractTerminated.terminatedBy',
    'PersonalDataRead.onBehalfOf',
    'ExpiryNoticeSent.followUpOwner',
    'RenewalFollowUpClosed.closedBy',
    'CustomerRegistered.confirmedDistinctFrom[]',
    'SlotBooked.holder',
    'SlotReleased.holder',
    'OrderAutoDispatchHeld.attempt',
    'RentalDelivered.staffSignedBy',
    'LeaveDecided.decidedBy',
    'LeaveCancelled.cancelledBy',
    'ShiftCancelled.cancelledBy',
    'ViolationRecorded.recordedBy',
    'StaffSkillsSet.setBy',
    'AppealDecided.decidedBy',
    'RewardGranted.grantedBy',
    'TrainingSessionScheduled.invitees[]',
    'TrainingInvitationsSent.invitees[]',
    'TrainingSessionClosed.missed[]',
  ]),
  ...each(A_DATE, [
    'ContractDrafted.terms.startDate',
    'ContractDrafted.terms.endDate',
    'ContractRevised.terms.startDate',
    'ContractRevised.terms.endDate',
    'ContractSigned.effectiveFrom',
    'ContractSigned.terms.startDate',
    'ContractSigned.terms.endDate',
    'AmendmentProposed.effectiveFrom',
    'AmendmentProposed.changes.endDate',
    'AmendmentSigned.effectiveFrom',
    'AmendmentSigned.terms.startDate',
    'AmendmentSigned.terms.endDate',
    'ExpiryNoticeSent.endDate',
    'RenewalFollowUpClosed.endDate',
    'ContractExpired.endDate',
    'ContractEntitlementsPublished.effectiveFrom',
    'ContractEntitlementsPublished.endDate',
    'ContractEntitlementsPublished.maintenanceVisitsDue[]',
    'ContractEntitlementsPublished.warranty.from',
    'ContractEntitlementsPublished.warranty.to',
    'ContractBillingTermsPublished.effectiveFrom',
    'ContractBillingTermsPublished.endDate',
    'ProposalCreated.offer.startDate',
    'ProposalCreated.offer.endDate',
    'ProposalCreated.offer.validUntil',
    'ProposalSent.validUntil',
    'ProposalExpired.validUntil',
    'InquiryHandedOff.need.period.from',
    'InquiryHandedOff.need.period.to',
    'ReturnVisitScheduled.dueOn',
    'ReturnVisitRecorded.followUp.dueOn',
    'SlotBooked.slot.start',
    'SlotBooked.slot.end',
    'OrderDispatched.slot.start',
    'OrderDispatched.slot.end',
    'OrderReassigned.slot.start',
    'OrderReassigned.slot.end',
    'OrderReassigned.fromSlot.start',
    'OrderReassigned.fromSlot.end',
    'OrderAutoDispatchHeld.slot.start',
    'OrderAutoDispatchHeld.slot.end',
    'ResourceRegistered.inspectionValidTo',
    'ResourceRegistered.insuranceValidTo',
    'ToolLent.dueBack',
    'ToolWentOverdue.dueBack',
    'ResourcePapersUpdated.inspectionValidTo',
    'ResourcePapersUpdated.insuranceValidTo',
    'ResourceExpiryReminded.validTo',
    'QuoteIssued.validUntil',
    'PeriodAssessed.period',
    'AssessmentOutcomesDecided.period',
    'StaffRoleChanged.assessment.period',
    'StaffAvailabilityChanged.from',
    'StaffAvailabilityChanged.to',
    'LeaveRequested.from',
    'LeaveRequested.to',
    'StaffMemberErased.lastDay',
    'StaffMemberLeft.lastDay',
    'QualificationRecorded.issuedOn',
    'QualificationRecorded.reverifyBy',
    'QualificationReverified.reverifyBy',
    'StaffEligibilityChanged.since',
    'ResignationSubmitted.lastDay',
    'StaffMemberDismissed.lastDay',
    'FinalSettlementRequested.lastDay',
    'TenantCreated.calendar.workingHours[].open',
    'TenantCreated.calendar.workingHours[].close',
    'TenantCreated.calendar.holidays[]',
    'BusinessCalendarSet.calendar.workingHours[].open',
    'BusinessCalendarSet.calendar.workingHours[].close',
    'BusinessCalendarSet.calendar.holidays[]',
    'StaffLoginClosed.lastDay',
  ]),
  ...each(A_CURRENCY, [
    'ContractDrafted.terms.items[].unitPrice.currency',
    'ContractDrafted.terms.rentPerMonth.currency',
    'ContractDrafted.terms.deposit.currency',
    'ContractDrafted.terms.lateFeePerDay.currency',
    'ContractRevised.terms.items[].unitPrice.currency',
    'ContractRevised.terms.rentPerMonth.currency',
    'ContractRevised.terms.deposit.currency',
    'ContractRevised.terms.lateFeePerDay.currency',
    'ContractSigned.terms.items[].unitPrice.currency',
    'ContractSigned.terms.rentPerMonth.currency',
    'ContractSigned.terms.deposit.currency',
    'ContractSigned.terms.lateFeePerDay.currency',
    'AmendmentProposed.changes.items[].unitPrice.currency',
    'AmendmentProposed.changes.deposit.currency',
    'AmendmentProposed.changes.rentPerMonth.currency',
    'AmendmentProposed.changes.lateFeePerDay.currency',
    'AmendmentSigned.terms.items[].unitPrice.currency',
    'AmendmentSigned.terms.rentPerMonth.currency',
    'AmendmentSigned.terms.deposit.currency',
    'AmendmentSigned.terms.lateFeePerDay.currency',
    'ContractBillingTermsPublished.itemsTotal.currency',
    'ContractBillingTermsPublished.rentPerMonth.currency',
    'ContractBillingTermsPublished.deposit.currency',
    'ContractBillingTermsPublished.lateFeePerDay.currency',
    'ProposalCreated.offer.items[].unitPrice.currency',
    'ResourceRegistered.price.currency',
    'ToolLostCharged.charge.currency',
    'RentalReturnInspected.damage.currency',
    'QuoteIssued.items[].price.currency',
    'QuoteIssued.total.currency',
    'ExtraWorkProposed.estimatedPrice.currency',
    'ConductRulesChanged.rules.currency',
    'ViolationRecorded.fine.currency',
    'ViolationRecorded.loss.currency',
    'AppealDecided.fine.currency',
    'AppealDecided.loss.currency',
    'RewardGranted.amount.currency',
    'StaffMemberHired.payTerms.dailyPay.currency',
    'PayTermsChanged.payTerms.dailyPay.currency',
  ]),
  ...each(A_HASH, ['ContractSigned.documentHash', 'AmendmentSigned.documentHash']),
  ...each(A_CODE, [
    'ContractEntitlementsPublished.line',
    'StaffSkillsSet.kinds[]',
    'OrderAutoDispatchHeld.reason',
    'OrderAutoDispatchHeld.candidates[].reasons[]',
    'PeriodAssessed.cycle',
    'PeriodAssessed.results[].role',
    'AssessmentOutcomesDecided.grade',
    'QualificationRecorded.kind',
    'QualificationExpiryReminderDue.kind',
    'QualificationExpired.kind',
    'QualificationReverificationOverdue.kind',
    'StaffEligibilityChanged.reasons[].kind',
    'TrainingSessionScheduled.kind',
    'StaffLoginRefused.code',
  ]),
  ...each(A_REFERENCE, ['ItemLoggedIn.receipt', 'ItemLoggedOut.receipt', 'OrderCompleted.signature']),
  ...each(WHAT_IS_SOLD, [
    'ContractDrafted.terms.items[].description',
    'ContractDrafted.terms.paymentSchedule',
    'ContractRevised.terms.items[].description',
    'ContractRevised.terms.paymentSchedule',
    'ContractSigned.terms.items[].description',
    'ContractSigned.terms.paymentSchedule',
    'AmendmentProposed.changes.items[].description',
    'AmendmentProposed.changes.paymentSchedule',
    'AmendmentSigned.terms.items[].description',
    'AmendmentSigned.terms.paymentSchedule',
    'ContractEntitlementsPublished.equipment[].description',
    'ContractEntitlementsPublished.warranty.products[]',
    'ContractBillingTermsPublished.paymentSchedule',
    'ProposalCreated.offer.items[].description',
    'ProposalCreated.offer.paymentTerms',
    'QuoteIssued.items[].description',
  ]),
  ...each(BUSINESS_WORDING, [
    'ContractDrafted.template.title',
    'ContractTemplatePublished.title',
    'ConductRulesChanged.rules.rules[].title',
    'ConductRulesChanged.rules.rules[].source',
    'PostingOpened.title',
  ]),
  ...each(AN_ASPECT, ['RecruitmentStepRecorded.ratings[].aspect']),
  ...each(A_BUSINESS_NAME, ['TenantCreated.name', 'TenantRenamed.name', 'BranchAdded.name']),
  ...each(A_TIME_ZONE, ['TenantCreated.calendar.timeZone', 'BusinessCalendarSet.calendar.timeZone']),
  ...each(ABOUT_EQUIPMENT, [
    'ResourceRegistered.name',
    'MaintenanceRecorded.note',
    'PreparationChecked.items[].item',
    'PreparationChecked.failed[]',
    'RentalDelivered.checklist[].item',
    'RentalVisitRecorded.note',
    'RentalReturnInspected.findings[].item',
    'RentalReturnInspected.findings[].note',
  ]),
  ...each(A_LOGIN_NAME, [
    'StaffLoginRequested.username',
    'UserRegistered.username',
    'StaffLoginCreated.username',
    'StaffLoginRefused.username',
    'StaffLoginRefused.reason',
  ]),
  ...each(A_FIELD_NAME, ['PersonalDataRead.fields[]']),
  ...each(A_CODE, ['PersonalDataRead.through']),
  ...each(A_READ_PURPOSE, ['PersonalDataRead.purpose']),
};
