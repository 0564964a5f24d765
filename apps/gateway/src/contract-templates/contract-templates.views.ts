import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ContractTemplate' })
export class ContractTemplateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 1,
    description: 'the contract template’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ example: 'active' })
  status!: string;
}
