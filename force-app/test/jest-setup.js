// Accessibility matchers (toBeAccessible) for every LWC suite.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();

// Real English label text instead of "c.Label_Name" placeholders.
require('./jest-mocks/labels').registerLabelMocks();
