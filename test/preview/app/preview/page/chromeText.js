// The preview's own words (the components bring their labels from the metadata).
const TEXT = {
  en: {
    product: 'Tandem',
    subtitle: 'Local preview against the org emulator',
    account: 'Account',
    strategic: 'Strategic accounts',
    other: 'Other accounts',
    language: 'Language',
    user: 'Signed in as',
    users: { admin: 'Admin', rep: 'Account rep', sponsor: 'Executive sponsor' },
    objectName: 'Account',
    industry: 'Industry',
    type: 'Type',
    revenue: 'Annual Revenue',
    location: 'Billing City',
    loadError: 'Accounts could not be loaded',
    loading: 'Loading…',
    close: 'Close',
    page: 'Page',
    pages: { record: 'Account record page', program: 'SAM Program', home: 'Home' }
  },
  it: {
    product: 'Tandem',
    subtitle: "Anteprima locale sull'emulatore dell'org",
    account: 'Account',
    strategic: 'Account strategici',
    other: 'Altri account',
    language: 'Lingua',
    user: 'Connesso come',
    users: { admin: 'Amministratore', rep: 'Account manager', sponsor: 'Sponsor esecutivo' },
    objectName: 'Account',
    industry: 'Settore',
    type: 'Tipo',
    revenue: 'Fatturato annuo',
    location: 'Città di fatturazione',
    loadError: 'Impossibile caricare gli account',
    loading: 'Caricamento in corso…',
    close: 'Chiudi',
    page: 'Pagina',
    pages: { record: "Pagina record dell'account", program: 'Programma SAM', home: 'Home' }
  }
};

export function chromeText(lang) {
  return TEXT[lang] || TEXT.en;
}
