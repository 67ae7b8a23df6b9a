// Settings the preview page sets before loading the bundle (language, locale, API base).
const DEFAULTS = { apiBase: '', lang: 'en', locale: 'en-US', currency: 'USD', timeZone: 'UTC', userId: '' };

export function previewConfig() {
  return { ...DEFAULTS, ...(globalThis.__tandemPreview || {}) };
}
