// The growth comparison as an Italian user reads it: labels from translations/it and the it-IT
// locale, mocked before the module is loaded.
require('../../../../../test/jest-mocks/labels').mockItalian();
const { growthSentence } = require('c/programSummary');

describe('growthSentence in Italian', () => {
  it('words every case in Italian, numbers in the Italian format', () => {
    expect(growthSentence(16, 10)).toBe(
      "La crescita degli account strategici è 1,6× quella degli altri account (+16% contro +10% rispetto all'anno precedente)."
    );
    expect(growthSentence(12.5, -4)).toBe(
      "Gli account strategici sono cresciuti (+12,5% rispetto all'anno precedente), gli altri account no (-4%)."
    );
    expect(growthSentence(-3, 8)).toBe(
      "Gli account strategici non sono cresciuti (-3% rispetto all'anno precedente), gli altri account sì (+8%)."
    );
    expect(growthSentence(-2, -8)).toBe(
      "Nessuno dei due gruppi è cresciuto: account strategici -2%, altri account -8% rispetto all'anno precedente."
    );
    expect(growthSentence(null, 8)).toBe(
      'La crescita non si può ancora confrontare: entrambi i gruppi devono avere ricavi nei dodici mesi precedenti.'
    );
  });
});
