import './instrument';
import { runService } from '@serviceops/platform';
import { staffService } from './staff.service-definition';

void runService(staffService);
