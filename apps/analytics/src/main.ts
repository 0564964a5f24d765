import './instrument';
import { runService } from '@serviceops/platform';
import { analyticsService } from './analytics.service-definition';

void runService(analyticsService);
