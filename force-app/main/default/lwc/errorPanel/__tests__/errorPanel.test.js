import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);

function mount(properties) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('announces a headline and every readable message', async () => {
    const element = mount({
      friendlyMessage: 'The account plan could not be loaded.',
      errors: [{ message: 'Field A is not accessible' }, { body: { message: 'Session expired' } }]
    });
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(text(alert.querySelector('.headline'))).toBe('The account plan could not be loaded.');
    expect([...alert.querySelectorAll('.message')].map(text)).toEqual([
      'Field A is not accessible',
      'Session expired'
    ]);
    await expect(element).toBeAccessible();
  });

  it('falls back to a generic headline and shows no empty list', async () => {
    const element = mount({ errors: undefined });
    expect(text(element.shadowRoot.querySelector('.headline'))).toBe(
      'Something went wrong while loading this data.'
    );
    expect(element.shadowRoot.querySelector('.messages')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
