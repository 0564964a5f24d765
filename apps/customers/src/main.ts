import './instrument';
import { runService } from '@serviceops/platform';
import { customersService } from './customers.service-definition';

void runService(customersService);
