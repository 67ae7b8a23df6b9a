import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AccountPlan from 'c/accountPlan';
import RelationshipMap from 'c/relationshipMap';
import ExecutiveSponsorPanel from 'c/executiveSponsorPanel';

const recordId = new URLSearchParams(window.location.search).get('recordId') || '001000000000001AAA';
const root = document.getElementById('root');
for (const [tag, ctor] of [
  ['c-account-plan', AccountPlan],
  ['c-relationship-map', RelationshipMap],
  ['c-executive-sponsor-panel', ExecutiveSponsorPanel]
]) {
  const element = createElement(tag, { is: ctor });
  element.recordId = recordId;
  root.appendChild(element);
}
