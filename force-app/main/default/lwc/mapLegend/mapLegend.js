import { LightningElement, wire } from 'lwc';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import INFLUENCE_FIELD from '@salesforce/schema/Stakeholder__c.Influence__c';
import ATTITUDE_FIELD from '@salesforce/schema/Stakeholder__c.Attitude__c';
import LINK_TYPE_FIELD from '@salesforce/schema/Stakeholder_Link__c.Type__c';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';
import { LINK_STYLE } from 'c/mapGeometry';
import { trendLabels } from 'c/trendLabels';
import { TREND_DAYS } from 'c/relationshipTrends';
import { formatLabel } from 'c/tandemFormat';
import { alertLabels } from 'c/changeAlerts';

// The org has no record types: the master record type's values, translated by the platform.
const MASTER_RECORD_TYPE_ID = '012000000000000AAA';
const INFLUENCE_CLASS = {
  High: 'influence-high',
  Medium: 'influence-medium',
  Low: 'influence-low'
};
const ATTITUDE_SYMBOL = {
  Advocate: '++',
  Supporter: '+',
  Neutral: '=',
  Skeptic: '−',
  Detractor: '−−'
};

const valuesOf = (result) => (result && result.data && result.data.values) || [];

/** What the map's borders, colours, symbols and lines mean, in the user's language. */
export default class MapLegend extends LightningElement {
  labels = labels;
  mapLabels = mapLabels;
  alertLabels = alertLabels;
  influences = [];
  attitudes = [];
  linkTypes = [];
  trendCaption = formatLabel(trendLabels.mapLegendTrend, TREND_DAYS);
  trends = [
    ['improving', '↑', trendLabels.trendImprovingShort],
    ['decaying', '↓', trendLabels.trendDecayingShort],
    ['steady', '→', trendLabels.trendSteadyShort]
  ].map(([key, symbol, label]) => ({ key, symbol, label, className: `trend trend-${key}` }));

  @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: INFLUENCE_FIELD })
  wiredInfluence(result) {
    this.influences = valuesOf(result)
      .filter((v) => INFLUENCE_CLASS[v.value])
      .map((v) => ({
        key: v.value,
        label: v.label,
        className: `sample ${INFLUENCE_CLASS[v.value]}`
      }));
  }

  @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: ATTITUDE_FIELD })
  wiredAttitude(result) {
    this.attitudes = valuesOf(result).map((v) => ({
      key: v.value,
      label: v.label,
      symbol: ATTITUDE_SYMBOL[v.value] || '?',
      className: `swatch attitude-${ATTITUDE_SYMBOL[v.value] ? v.value.toLowerCase() : 'unknown'}`
    }));
  }

  @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: LINK_TYPE_FIELD })
  wiredLinkTypes(result) {
    this.linkTypes = valuesOf(result).map((v) => {
      const style = LINK_STYLE[v.value] || LINK_STYLE.other;
      return {
        key: v.value,
        label: v.label,
        lineClass: `link-line link-${style.tone}`,
        arrowClass: `link-arrow link-${style.tone}`,
        dash: style.dash,
        directed: style.directed
      };
    });
  }
}
