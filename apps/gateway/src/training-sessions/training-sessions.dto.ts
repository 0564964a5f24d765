import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { STAFF_LIMITS, TRAINING_KINDS } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';

export const MAX_INVITEES = STAFF_LIMITS.invitees;
export const MAX_TRAINING_SCORE = STAFF_LIMITS.trainingScore;

@ApiSchema({ name: 'ScheduleTrainingSession' })
@BodyOf('staff.ScheduleTrainingSession')
export class ScheduleTrainingSessionDto {
  @ApiProperty({ enum: TRAINING_KINDS, description: 'quality_coaching is one-to-one (one invitee)' })
  @IsIn(TRAINING_KINDS)
  kind!: string;

  @Follows(RULES.reason, { example: 'March traffic-law refresher' })
  topic!: string;

  @Follows(RULES.instant)
  startsAt!: string;

  @Follows(RULES.instant, {
    description:
      'after startsAt (422 STAFF.TRAINING_ENDS_BEFORE_START); a missed mandatory session is a violation then',
  })
  endsAt!: string;

  @ApiProperty({ description: 'missing it is a violation of the conduct rules' })
  @IsBoolean()
  mandatory!: boolean;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: MAX_INVITEES,
    uniqueItems: true,
    description: 'staff members invited (unknown: 404 STAFF.STAFF_MEMBER_NOT_FOUND)',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVITEES)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  invitees!: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description:
      'the mentor, coach or trainer: required for mentoring and quality_coaching (422 STAFF.TRAINER_REQUIRED)',
  })
  @ValidateIf(present)
  @IsUUID()
  trainerId?: string;
}

@ApiSchema({ name: 'InviteToTrainingSession' })
@BodyOf('staff.InviteToTrainingSession')
export class InviteToTrainingSessionDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: MAX_INVITEES,
    uniqueItems: true,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVITEES)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  invitees!: string[];
}

@ApiSchema({ name: 'RecordTrainingAttendance' })
@BodyOf('staff.RecordTrainingAttendance')
export class RecordTrainingAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_TRAINING_SCORE, required: false })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_TRAINING_SCORE)
  score?: number;

  @ApiPropertyOptional({ required: false, description: 'the session’s test passed' })
  @ValidateIf(present)
  @IsBoolean()
  passed?: boolean;
}
