import './instrument';
import { runService } from '@serviceops/platform';
import { ordersService } from './orders.service-definition';

void runService(ordersService);
