import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Contract' })
export class ContractView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 1,
    description: 'the contract’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ example: 'active' })
  status!: string;
}
