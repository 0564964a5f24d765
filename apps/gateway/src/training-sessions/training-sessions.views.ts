import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { TRAINING_KINDS, PERSONAL_TEXT } from '@serviceops/contracts';
import { Personal } from '../http/personal';

@ApiSchema({ name: 'TrainingInvitee' })
export class TrainingInviteeView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiProperty({ enum: ['invited', 'attended', 'missed'] })
  status!: string;
  @ApiPropertyOptional({ type: 'integer', required: false })
  score?: number;
  @ApiPropertyOptional({ required: false })
  passed?: boolean;
}

@ApiSchema({ name: 'TrainingSession' })
export class TrainingSessionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({
    type: 'integer',
    description: 'the session’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;
  @ApiProperty({ enum: ['scheduled', 'closed'] })
  status!: string;
  @ApiProperty({ enum: TRAINING_KINDS })
  kind!: string;
  @ApiProperty()
  @Personal(PERSONAL_TEXT.staffTraining.topic)
  topic!: string;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  endsAt!: string;
  @ApiProperty()
  mandatory!: boolean;
  @ApiProperty({ type: [TrainingInviteeView] })
  invitees!: TrainingInviteeView[];
  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the mentor, coach or trainer' })
  trainerId?: string;
}

/** proto3 leaves 0 and false off the wire: the REST answer says them. */
export function trainingSessionView(reply: Partial<TrainingSessionView>): TrainingSessionView {
  return {
    ...(reply as TrainingSessionView),
    version: reply.version ?? 0,
    mandatory: reply.mandatory ?? false,
    invitees: reply.invitees ?? [],
  };
}
