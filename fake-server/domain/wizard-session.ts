import { WizardState } from './wizard';

/** A Manage RDS CALs Wizard that is open on one license server. At most one per server. */
export interface WizardSession {
  serverName: string;
  state: WizardState;
  openedBy: string;
  openedAt: string;
}
