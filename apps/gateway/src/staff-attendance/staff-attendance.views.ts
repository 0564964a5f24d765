import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { NotPersonal, Personal } from '../http/personal';
import { PERSONAL_TEXT } from '@serviceops/contracts';

@ApiSchema({ name: 'Shift' })
export class ShiftView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer', description: 'the shift’s version, also its ETag' })
  version!: number;
  @ApiProperty({ enum: ['scheduled', 'in', 'out', 'closed', 'cancelled'] })
  status!: string;
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  endsAt!: string;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  clockedInAt?: string;
  @ApiPropertyOptional({ type: 'integer', required: false })
  minutesLate?: number;
  @ApiPropertyOptional({ required: false, description: 'past the lateness threshold (5 minutes)' })
  late?: boolean;
  @ApiPropertyOptional({ required: false, description: 'on post 10 minutes before the start: the norm' })
  early?: boolean;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  clockedOutAt?: string;
  @ApiPropertyOptional({ required: false })
  leftEarly?: boolean;
  @ApiPropertyOptional({ type: 'integer', required: false })
  minutesEarly?: number;
  @ApiPropertyOptional({ enum: ['attended', 'late', 'absent', 'on_leave'], required: false })
  outcome?: string;
  @ApiPropertyOptional({ required: false, description: 'why it was cancelled (empty once erased)' })
  @Personal(PERSONAL_TEXT.staffShift.cancellation)
  cancellation?: string;
  @ApiPropertyOptional({ required: false })
  @NotPersonal('a user’s id')
  cancelledBy?: string;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  cancelledAt?: string;
}

@ApiSchema({ name: 'LeaveRequest' })
export class LeaveRequestView {
  @ApiProperty({ format: 'uuid' })
  leaveId!: string;
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
  @ApiProperty()
  @Personal(PERSONAL_TEXT.staffLeave['requests.reason'])
  reason!: string;
  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'cancelled'] })
  status!: string;
  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.staffLeave['requests.decision'])
  decision?: string;
  @ApiPropertyOptional({ required: false })
  @NotPersonal('a user’s id')
  decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  decidedAt?: string;
  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.staffLeave['requests.cancellation'])
  cancellation?: string;
  @ApiPropertyOptional({ required: false })
  @NotPersonal('a user’s id')
  cancelledBy?: string;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  cancelledAt?: string;
}

@ApiSchema({ name: 'LeaveRecord' })
export class LeaveRecordView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiProperty({ type: 'integer', description: 'also its ETag' })
  version!: number;
  @ApiProperty({ type: [LeaveRequestView] })
  requests!: LeaveRequestView[];
}

/** proto3 leaves 0 and false off the wire: the REST answer says them where they were set. */
export function shiftView(reply: Partial<ShiftView>): ShiftView {
  const clockedIn = reply.clockedInAt !== undefined;
  const clockedOut = reply.clockedOutAt !== undefined;
  return {
    ...(reply as ShiftView),
    version: reply.version ?? 0,
    ...(clockedIn
      ? { minutesLate: reply.minutesLate ?? 0, late: reply.late ?? false, early: reply.early ?? false }
      : {}),
    ...(clockedOut ? { leftEarly: reply.leftEarly ?? false, minutesEarly: reply.minutesEarly ?? 0 } : {}),
  };
}

export function leaveRecordView(reply: Partial<LeaveRecordView>): LeaveRecordView {
  return { staffId: reply.staffId ?? '', version: reply.version ?? 0, requests: reply.requests ?? [] };
}

@ApiSchema({ name: 'AttendancePolicy' })
export class AttendancePolicyView {
  @ApiProperty({ type: 'integer', description: 'also its ETag (0: the defaults)' })
  version!: number;
  @ApiProperty({ type: 'integer', description: 'minutes after a shift’s start a clock-in is still on time' })
  latenessThresholdMinutes!: number;
}

export function attendancePolicyView(reply: Partial<AttendancePolicyView>): AttendancePolicyView {
  return { version: reply.version ?? 0, latenessThresholdMinutes: reply.latenessThresholdMinutes ?? 0 };
}
