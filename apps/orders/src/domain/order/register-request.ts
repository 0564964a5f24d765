import { type BusinessLine, isBusinessLine, ORDER_FIELDS } from '@serviceops/contracts';
import {
  addBusinessHours,
  type Caller,
  type Event,
  isInstant,
  localDateOf,
  useCase,
} from '@serviceops/kernel';
import { OrderErrorCode as E, orderError } from './order.errors';
import { HOUR_MS, isLeasedKind, oneOf, text } from './order.rules';
import {
  type OrderContext,
  type OrderState,
  REQUEST_KINDS,
  type RequestKind,
  SERVICE_TYPES,
  type ServiceType,
  type Zone,
  ZONES,
} from './order.state';

export interface RegisterRequest {
  readonly type: 'RegisterRequest';
  readonly data: {
    readonly orderId: string;
    readonly customerId: string;
    readonly line: BusinessLine;
    readonly kind: RequestKind;
    readonly serviceType: ServiceType;
    /** When the customer wants the job done (ISO instant), not before the request. */
    readonly wantedAt: string;
    readonly zone: Zone;
    /** Free text, sealed: personal data. */
    readonly address: string;
    /** Product model, vehicle type or equipment. */
    readonly subject: string;
    /** Free text, sealed. */
    readonly problem: string;
    /**
     * Under contract: the contract whose entitlement is used. A rental visit or return: the lease it is for
     * (absent: the customer's only lease in force).
     */
    readonly contractId?: string;
  };
}

export type RequestRegistered = Event<
  'RequestRegistered',
  {
    orderId: string;
    customerId: string;
    line: BusinessLine;
    kind: RequestKind;
    serviceType: ServiceType;
    wantedAt: string;
    zone: Zone;
    address: string;
    subject: string;
    problem: string;
    contractId?: string;
    /** A rental visit or return: the lease it is for (the request's contract, or the customer's only lease). */
    leaseContractId?: string;
    /** Paid work waits for a quote the customer accepts; contract and warranty work does not. */
    quoteRequired: boolean;
    receivedAt: string;
    /** receivedAt + the policy's first-response hours (wall clock). */
    responseDueAt: string;
    /** The policy's working hours to arrival for this zone: the SLA is recounted from it with the calendar in force. */
    arrivalWithinBusinessHours: number;
    /** As counted at registration (the read model recounts it when the calendar changes). */
    arrivalDueAt: string;
    policyVersion: number;
  }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface RegisterRequestMessage {
  readonly customerId?: string;
  readonly line?: string;
  readonly kind?: string;
  readonly serviceType?: string;
  readonly wantedAt?: string;
  readonly zone?: string;
  readonly address?: string;
  readonly subject?: string;
  readonly problem?: string;
  readonly contractId?: string;
}

/**
 * A customer's request, registered as an order (its handler reads the calendar, the contract's entitlement and the
 * customer's leases, seals with the customer's key and arms the SLA timers: application/order.handlers.ts).
 */
export const registerRequest = useCase<RegisterRequest, RequestRegistered, OrderState, OrderContext>({
  command: 'RegisterRequest',
  handles: {
    rpc: 'orders.RegisterRequest',
    command: (request: RegisterRequestMessage, { newId }: Caller) => ({
      type: 'RegisterRequest',
      data: {
        orderId: newId,
        customerId: (request.customerId ?? '').toLowerCase(),
        line: (request.line ?? '') as BusinessLine,
        kind: (request.kind ?? '') as RequestKind,
        serviceType: (request.serviceType ?? '') as ServiceType,
        wantedAt: request.wantedAt ?? '',
        zone: (request.zone ?? '') as Zone,
        address: request.address ?? '',
        subject: request.subject ?? '',
        problem: request.problem ?? '',
        // Sent, even empty, it is checked as a UUID (an empty one is refused, not taken for none).
        ...(request.contractId === undefined ? {} : { contractId: request.contractId.toLowerCase() }),
      },
    }),
  },
  decide,
  evolve: {
    RequestRegistered: (_state, event) => {
      const {
        orderId,
        customerId,
        kind,
        serviceType,
        contractId,
        leaseContractId,
        zone,
        receivedAt,
        responseDueAt,
        arrivalWithinBusinessHours,
      } = event.data;
      return {
        status: 'registered',
        orderId,
        customerId,
        kind,
        serviceType,
        ...(contractId === undefined ? {} : { contractId }),
        ...(leaseContractId === undefined ? {} : { leaseContractId }),
        zone,
        receivedAt,
        responseDueAt,
        arrivalWithinBusinessHours,
      };
    },
  },
});

function decide(command: RegisterRequest, state: OrderState, context: OrderContext): RequestRegistered[] {
  const d = command.data;
  if (state.status !== 'absent') throw orderError(E.ORDER_EXISTS, `order ${d.orderId} already exists`);
  const { now, calendar, policy } = context;
  if (calendar === undefined || policy === undefined)
    throw new Error('RegisterRequest needs the tenant’s calendar and orders policy in its context');
  if (!isBusinessLine(d.line))
    throw orderError(E.INVALID_LINE, 'line is not a business line', { field: 'line' });
  if (!oneOf(REQUEST_KINDS, d.kind))
    throw orderError(E.INVALID_KIND, `kind must be one of ${REQUEST_KINDS.join(', ')}`, { field: 'kind' });
  if (!oneOf(SERVICE_TYPES, d.serviceType))
    throw orderError(E.INVALID_SERVICE_TYPE, `serviceType must be one of ${SERVICE_TYPES.join(', ')}`, {
      field: 'serviceType',
    });
  if (!oneOf(ZONES, d.zone))
    throw orderError(E.INVALID_ZONE, `zone must be one of ${ZONES.join(', ')}`, { field: 'zone' });
  if (typeof d.wantedAt !== 'string' || !isInstant(d.wantedAt))
    throw orderError(E.INVALID_WANTED_AT, 'wantedAt must be an instant', { field: 'wantedAt' });
  if (Date.parse(d.wantedAt) < now.getTime())
    throw orderError(E.WANTED_IN_PAST, 'wantedAt must not be before the request', { field: 'wantedAt' });
  const address = text(d.address, 'address', ORDER_FIELDS.address);
  const subject = text(d.subject, 'subject', ORDER_FIELDS.subject);
  const problem = text(d.problem, 'problem', ORDER_FIELDS.problem);
  checkCoverage(command, context);
  const leaseContractId = leaseOf(command, context);
  const hours = policy.arrivalWithinBusinessHours[d.zone];
  return [
    {
      type: 'RequestRegistered',
      data: {
        orderId: d.orderId,
        customerId: d.customerId,
        line: d.line,
        kind: d.kind,
        serviceType: d.serviceType,
        wantedAt: new Date(d.wantedAt).toISOString(),
        zone: d.zone,
        address,
        subject,
        problem,
        ...(d.contractId === undefined ? {} : { contractId: d.contractId }),
        ...(leaseContractId === undefined ? {} : { leaseContractId }),
        quoteRequired: d.serviceType === 'paid',
        receivedAt: now.toISOString(),
        responseDueAt: new Date(now.getTime() + policy.firstResponseWithinHours * HOUR_MS).toISOString(),
        arrivalWithinBusinessHours: hours,
        arrivalDueAt: addBusinessHours(calendar, now, hours).toISOString(),
        policyVersion: policy.version,
      },
    },
  ];
}

/**
 * The tenant's calendar day at the request: contracts' dates (in force from, to) are the tenant's days, so a lease
 * ending on the 31st still holds at 07:30 on the 31st in Shanghai (23:30 UTC on the 30th) and no longer at 00:30 on
 * the 1st (16:30 UTC on the 31st).
 */
function tenantToday(context: OrderContext): string {
  if (context.calendar === undefined) throw new Error('a request is dated in the tenant’s calendar');
  return localDateOf(context.calendar.timeZone, context.now);
}

/** Under contract: an entitlement in force on this line with a session left (a package's); under warranty: coverage. */
function checkCoverage(command: RegisterRequest, context: OrderContext): void {
  const d = command.data;
  if (d.serviceType === 'paid') return;
  const e = context.entitlement;
  const today = tenantToday(context);
  const usable =
    e !== undefined &&
    e.customerId === d.customerId &&
    (d.contractId === undefined || e.contractId === d.contractId);
  if (d.serviceType === 'under_contract') {
    const inForce =
      usable && e.line === d.line && e.effectiveFrom.slice(0, 10) <= today && today <= e.endDate.slice(0, 10);
    if (!inForce)
      throw orderError(E.NO_ENTITLEMENT, 'no contract in force entitles this request', {
        field: 'contractId',
      });
    if (e.sessionsLeft !== null && e.sessionsLeft <= 0)
      throw orderError(E.NO_ENTITLEMENT, 'the package has no session left', {
        contractId: e.contractId,
        sessionsLeft: 0,
      });
    return;
  }
  const w = usable ? e.warranty : null;
  const covered =
    w !== null &&
    w.from.slice(0, 10) <= today &&
    today <= w.to.slice(0, 10) &&
    w.products.includes(d.subject.trim());
  if (!covered)
    throw orderError(E.NOT_UNDER_WARRANTY, 'the product is not under warranty at this date', {
      field: 'subject',
    });
}

/**
 * A rental visit or return refers to its lease: the request's contract when it is one of the customer's leases in
 * force (else ORDERS.NOT_A_LEASE), or without one the customer's only lease in force (none:
 * ORDERS.NO_ACTIVE_LEASE; several: ORDERS.LEASE_AMBIGUOUS, name one). Other kinds have none.
 */
function leaseOf(command: RegisterRequest, context: OrderContext): string | undefined {
  const d = command.data;
  if (!isLeasedKind(d.kind)) return undefined;
  const today = tenantToday(context);
  const inForce = (context.leases ?? []).filter(
    (l) =>
      l.customerId === d.customerId &&
      l.effectiveFrom.slice(0, 10) <= today &&
      today <= l.endDate.slice(0, 10),
  );
  if (d.contractId !== undefined) {
    if (inForce.some((l) => l.contractId === d.contractId)) return d.contractId;
    throw orderError(E.NOT_A_LEASE, 'contractId is not a rental lease of this customer in force', {
      field: 'contractId',
    });
  }
  const [only, ...more] = inForce;
  if (only === undefined)
    throw orderError(E.NO_ACTIVE_LEASE, 'the customer has no rental lease in force', { field: 'contractId' });
  if (more.length > 0)
    throw orderError(
      E.LEASE_AMBIGUOUS,
      'the customer has several rental leases in force: name one as contractId',
      {
        field: 'contractId',
        leases: inForce.length,
      },
    );
  return only.contractId;
}
