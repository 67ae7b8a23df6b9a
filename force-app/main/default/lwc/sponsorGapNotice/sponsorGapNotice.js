import { LightningElement, api } from 'lwc';
import { formatLabel, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

/** Names the high-influence customer executives no active sponsorship pairs with us. */
export default class SponsorGapNotice extends LightningElement {
  /** [{ contactId, name, title }] from c/sponsorCadence's executivesWithoutSponsor. */
  @api gaps = [];

  get text() {
    const gaps = this.gaps || [];
    if (gaps.length === 0) {
      return null;
    }
    const names = gaps.map((g) => {
      const name = g.name || NO_VALUE;
      return g.title ? `${name} (${g.title})` : name;
    });
    return formatLabel(labels.sponsorGap, names.join(', '));
  }
}
