import { controllerOf, route } from '../routes/mount';
import { ContractView } from './contracts.views';

/** The contracts service's contracts over REST: each route is its declaration bound to these shapes. */
export const ContractRoutes = controllerOf('contracts', [
  route({ rpc: 'contracts.DraftContract', answer: ContractView }),
  route({ rpc: 'contracts.SubmitContractForReview', answer: ContractView }),
  route({ rpc: 'contracts.ApproveContract', answer: ContractView }),
  route({ rpc: 'contracts.ReturnContract', answer: ContractView }),
  route({ rpc: 'contracts.SignContract', answer: ContractView }),
  route({ rpc: 'contracts.AmendContract', answer: ContractView }),
  route({ rpc: 'contracts.SignAmendment', answer: ContractView }),
  route({ rpc: 'contracts.SuspendContract', answer: ContractView }),
  route({ rpc: 'contracts.ResumeContract', answer: ContractView }),
  route({ rpc: 'contracts.TerminateContract', answer: ContractView }),
  route({ rpc: 'contracts.RenewContract', answer: ContractView }),
  route({ rpc: 'contracts.ArchiveContract', answer: ContractView }),
]);
