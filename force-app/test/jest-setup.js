// Accessibility matchers (toBeAccessible) for every LWC suite.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
