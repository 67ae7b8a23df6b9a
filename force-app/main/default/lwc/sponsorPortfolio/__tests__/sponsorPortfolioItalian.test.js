// The portfolio as an Italian user reads it: every label from translations/it.translation-meta.xml
// and the it-IT locale, mocked before the component is loaded.
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import {
  badge,
  clearPage,
  emitDataAndAccess,
  mountComponent
} from '../../../../../test/jest-utils/containerSuite';

const mockData = require('./data/graphqlSponsorPortfolio.json');
const mockEmpty = require('./data/graphqlSponsorPortfolioEmpty.json');
const mockSponsorAccess = require('../../executiveSponsorPanel/__tests__/data/getObjectInfosSponsor.json');

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-06-15')
}));

require('../../../../../test/jest-mocks/labels').mockItalian();
const SponsorPortfolio = require('c/sponsorPortfolio').default;

async function mount(data) {
  const element = await mountComponent('c-sponsor-portfolio', SponsorPortfolio);
  await emitDataAndAccess(data, mockSponsorAccess);
  return element;
}

describe('c-sponsor-portfolio in Italian', () => {
  afterEach(clearPage);

  it('words the portfolio in Italian, dates and amounts in the Italian format', async () => {
    const element = await mount(mockData);
    expect($(element, 'lightning-card').title).toBe('I miei account sponsorizzati');
    expect(text($(element, '.summary'))).toBe('Account sponsorizzati: 5 · In ritardo: 2');
    const [hartwell, aurora, northwind] = $$(element, 'li.sponsorship');
    expect(badge($(hartwell, '.status'))).toBe('In ritardo');
    expect(text($(hartwell, '.days-since'))).toBe("Giorni dall'ultimo incontro: 150");
    expect(text($(hartwell, '.next'))).toBe('16 apr 2026');
    expect(text($(hartwell, '.growth'))).toBe("(-4,2% rispetto all'anno precedente)");
    expect(text($(hartwell, '.review'))).toBe('31 mag 2026');
    expect($(hartwell, 'lightning-button.log-engagement').label).toBe('Registra incontro');
    expect($(hartwell, 'lightning-button.log-engagement').title).toBe(
      'Registra un incontro per Hartwell Logistics'
    );
    expect(text($(aurora, '.plan'))).toBe('Nessun piano');
    expect(badge($(northwind, '.status'))).toBe('Nessun incontro');
    await expect(element).toBeAccessible();
  });

  it('says in Italian that the user sponsors no account', async () => {
    const element = await mount(mockEmpty);
    expect(text($(element, '.empty'))).toBe('Non sponsorizzi nessun account.');
  });
});
