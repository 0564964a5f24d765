import './instrument';
import { runService } from '@serviceops/platform';
import { tenancyService } from './tenancy.service-definition';

void runService(tenancyService);
