import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Proposal' })
export class ProposalView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 1,
    description: 'the proposal’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ example: 'active' })
  status!: string;
}
