import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorView {
  @ApiProperty({ example: 'workingHours[1].open', description: 'JSON path of the offending field' })
  path!: string;

  @ApiProperty({ example: 'open must match /^([01]\\d|2[0-3]):[0-5]\\d$/' })
  message!: string;
}

@ApiSchema({ name: 'DuplicateCandidate' })
export class DuplicateCandidateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['phone', 'email', 'idNumber'], isArray: true })
  matchedOn!: string[];
}

/** RFC 9457 problem details: every error answers with one, as `application/problem+json`. */
@ApiSchema({ name: 'Problem' })
export class ProblemView {
  @ApiProperty({ example: 'https://serviceops.dev/problems/validation' })
  type!: string;

  @ApiProperty({ example: 'Bad request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'the request has an invalid field' })
  detail!: string;

  @ApiProperty({
    example: 'VALIDATION',
    description:
      "stable machine-readable code: the edge's (VALIDATION, UNAUTHENTICATED…) or a rule's (AREA.RULE)",
  })
  code!: string;

  @ApiPropertyOptional({ type: [FieldErrorView], description: 'validation failures, one per field and rule' })
  errors?: FieldErrorView[];

  @ApiPropertyOptional({
    type: [DuplicateCandidateView],
    description: 'with CUSTOMERS.DUPLICATE_SUSPECTED: the customers with the same phone, email or ID number',
  })
  candidates?: DuplicateCandidateView[];

  @ApiPropertyOptional({ description: 'with a stale If-Match: the record’s current version' })
  currentVersion?: number;
}
