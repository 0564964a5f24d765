import './instrument';
import { runService } from '@serviceops/platform';
import { contractsService } from './contracts.service-definition';

void runService(contractsService);
