import { LightningElement, api } from 'lwc';
import { formatLabel, formatPercent } from 'c/tandemFormat';
import { programLabels } from 'c/programLabels';

function reasonText(reason) {
  switch (reason.code) {
    case 'decline':
      return formatLabel(
        programLabels.riskDecline,
        formatPercent(reason.growthYoY, { signed: true })
      );
    case 'overdue':
      return reason.sponsors.length
        ? formatLabel(programLabels.riskOverdueNamed, reason.sponsors.join(', '))
        : programLabels.riskOverdue;
    default:
      return programLabels.riskNoPlan;
  }
}

/**
 * Strategic accounts at risk, each with its reasons in words (shrinking revenue, an overdue
 * sponsor, no Active plan); a name opens the account (raises `open` with its id).
 */
export default class ProgramAtRisk extends LightningElement {
  /** [{ account, reasons }] from c/programModel's atRisk. */
  @api risks = [];

  programLabels = programLabels;

  get hasRisks() {
    return (this.risks || []).length > 0;
  }

  get items() {
    return (this.risks || []).map(({ account, reasons }) => ({
      id: account.id,
      name: account.name,
      reasons: reasons.map((reason) => ({ key: reason.code, text: reasonText(reason) }))
    }));
  }

  handleOpen(event) {
    this.dispatchEvent(new CustomEvent('open', { detail: { id: event.target.dataset.id } }));
  }
}
