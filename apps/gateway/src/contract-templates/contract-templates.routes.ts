import { controllerOf, route } from '../routes/mount';
import { ContractTemplateView } from './contract-templates.views';

/** The contracts service's contract templates over REST: each route is its declaration bound to these shapes. */
export const ContractTemplateRoutes = controllerOf('contract-templates', [
  route({ rpc: 'contracts.PublishContractTemplate', answer: ContractTemplateView }),
]);
