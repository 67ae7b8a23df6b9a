import { createElement } from '@lwc/engine-dom';
import StatusBadge from 'c/statusBadge';

async function mount(props) {
  const element = createElement('c-status-badge', { is: StatusBadge });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-status-badge', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it.each([
    ['success', 'slds-theme_success'],
    ['warning', 'slds-theme_warning'],
    ['error', 'slds-theme_error'],
    ['inverse', 'slds-badge_inverse']
  ])('colours a %s status with the SLDS theme', async (tone, themeClass) => {
    const element = await mount({ label: 'On track', tone });
    const badge = element.shadowRoot.querySelector('.slds-badge');
    expect(badge.classList).toContain(themeClass);
    expect(badge.textContent).toBe('On track');
    await expect(element).toBeAccessible();
  });

  it('shows an unknown tone as a plain badge', async () => {
    const element = await mount({ label: 'Proposed', tone: 'mauve' });
    expect(element.shadowRoot.querySelector('span').className).toBe('slds-badge');
  });
});
