import { controllerOf, route } from '../routes/mount';
import { ProposalView } from './proposals.views';

/** The contracts service's proposals over REST: each route is its declaration bound to these shapes. */
export const ProposalRoutes = controllerOf('proposals', [
  route({ rpc: 'contracts.CreateProposal', answer: ProposalView }),
  route({ rpc: 'contracts.SendProposal', answer: ProposalView }),
  route({ rpc: 'contracts.AcceptProposal', answer: ProposalView }),
  route({ rpc: 'contracts.DeclineProposal', answer: ProposalView }),
]);
