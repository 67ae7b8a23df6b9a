import { LightningElement, api } from 'lwc';
import {
  formatCurrency,
  formatFixed,
  formatLabel,
  formatNumber,
  formatPercent
} from 'c/tandemFormat';
import { programLabels } from 'c/programLabels';
import { strongestCriteria } from 'c/programModel';

// Short names of the score criteria (the breakdown spells each out in full).
const CRITERION_LABELS = {
  Revenue_Concentration: 'criterionRevenueConcentration',
  Lifetime_Value: 'criterionLifetimeValue',
  Influence: 'criterionInfluence',
  Co_Innovation: 'criterionCoInnovation',
  Collaboration: 'criterionCollaboration',
  Risk: 'criterionRisk'
};

/**
 * Accounts outside the program ranked by strategic score, each with the criteria that lift it
 * most (and the full breakdown on demand), and a Nominate button for users who may edit the
 * Strategic Account box. Raises `open` and `nominate` ({ id, name }).
 */
export default class ProgramCandidates extends LightningElement {
  /** Rows of c/programModel's readCandidates, best first. */
  @api candidates = [];
  @api canNominate = false;
  /** The account being nominated: its button waits. */
  @api busyId;

  programLabels = programLabels;

  get hasCandidates() {
    return (this.candidates || []).length > 0;
  }

  get items() {
    return (this.candidates || []).map((candidate) => {
      const strongest = strongestCriteria(candidate.scoreCriteria || []).map((part) =>
        formatLabel(
          programLabels.candidatePoints,
          programLabels[CRITERION_LABELS[part.criterion]] || part.criterion,
          formatFixed(part.points, 1)
        )
      );
      return {
        ...candidate,
        rankText: formatLabel(programLabels.candidateRank, candidate.rank),
        scoreText: formatLabel(
          programLabels.candidateScore,
          formatNumber(candidate.score, { maximumFractionDigits: 0 })
        ),
        figures: `${formatCurrency(candidate.revenueTtm, { compact: true })} · ${formatPercent(
          candidate.growthYoY,
          { signed: true }
        )}`,
        strongestText: strongest.length
          ? formatLabel(programLabels.candidateStrongest, strongest.join(', '))
          : null,
        hasCriteria: (candidate.scoreCriteria || []).length > 0,
        nominateTitle: formatLabel(programLabels.nominateFor, candidate.name),
        busy: this.busyId === candidate.id
      };
    });
  }

  handleOpen(event) {
    this.dispatchEvent(new CustomEvent('open', { detail: { id: event.target.dataset.id } }));
  }

  handleNominate(event) {
    const candidate = (this.candidates || []).find((c) => c.id === event.target.dataset.id);
    this.dispatchEvent(
      new CustomEvent('nominate', { detail: { id: candidate.id, name: candidate.name } })
    );
  }
}
