import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAINTENANCE_VISIT_STATUSES } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { IsIn, IsUUID, ValidateIf } from 'class-validator';
import { PageQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';

export class ListMaintenanceVisitsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the lease’s contract' })
  @ValidateIf(present)
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({
    enum: MAINTENANCE_VISIT_STATUSES,
    required: false,
    description: 'overdue: not done and its day past in your calendar (counted now)',
  })
  @ValidateIf(present)
  @IsIn(MAINTENANCE_VISIT_STATUSES)
  status?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'visits due before this day' })
  dueBefore?: string;
}
