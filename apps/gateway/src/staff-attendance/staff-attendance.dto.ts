import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { STAFF_LIMITS } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Follows } from '../http/validators';

@ApiSchema({ name: 'ScheduleShift' })
export class ScheduleShiftDto {
  @ApiProperty({ format: 'uuid', description: 'unknown: 404 STAFF.STAFF_MEMBER_NOT_FOUND' })
  @IsUUID()
  staffId!: string;

  @Follows(RULES.instant)
  startsAt!: string;

  @Follows(RULES.instant, {
    description:
      'after startsAt, at most 16 hours later (422 STAFF.SHIFT_ENDS_BEFORE_START / STAFF.SHIFT_TOO_LONG)',
  })
  endsAt!: string;
}

@ApiSchema({ name: 'RequestLeave' })
export class RequestLeaveDto {
  @Follows(RULES.instant)
  from!: string;

  @Follows(RULES.instant, { description: 'after from (422 STAFF.LEAVE_ENDS_BEFORE_START)' })
  to!: string;

  @Follows(RULES.reason, { example: 'family matters' })
  reason!: string;
}

@ApiSchema({ name: 'DecideLeave' })
export class DecideLeaveDto {
  @ApiProperty()
  @IsBoolean()
  approved!: boolean;

  @Follows(RULES.reason, { example: 'cover arranged' })
  reason!: string;
}

@ApiSchema({ name: 'CancelLeave' })
export class CancelLeaveDto {
  @Follows(RULES.reason, { example: 'back early: leave no longer needed' })
  reason!: string;
}

@ApiSchema({ name: 'CancelShift' })
export class CancelShiftDto {
  @Follows(RULES.reason, { example: 'branch closed for the holiday' })
  reason!: string;
}

/** The most minutes a clock-in may be after the start and still on time (the service checks again: 422). */
export const MAX_LATENESS_THRESHOLD_MINUTES = STAFF_LIMITS.latenessThresholdMinutes;

@ApiSchema({ name: 'ChangeAttendancePolicy' })
export class ChangeAttendancePolicyDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_LATENESS_THRESHOLD_MINUTES, example: 5 })
  @IsInt()
  @Min(0)
  @Max(MAX_LATENESS_THRESHOLD_MINUTES)
  latenessThresholdMinutes!: number;
}
