// #region app
import { DealRegister, PartnerKitProvider, PartnerScorecard, ResourceLibrary } from '@partnerkit/react';
import { useState } from 'react';

export function App() {
  const [lang, setLang] = useState<'en' | 'vi'>('en');
  const [notice, setNotice] = useState('');

  return (
    <main lang={lang}>
      <header>
        <h1>Partner portal</h1>
        <button type="button" onClick={() => setLang(lang === 'en' ? 'vi' : 'en')}>
          {lang === 'en' ? 'Tiếng Việt' : 'English'}
        </button>
      </header>
      <PartnerKitProvider
        baseUrl={import.meta.env.VITE_PARTNERKIT_URL}
        sessionUrl="/partnerkit/session"
        onError={(event) => console.warn(`PartnerKit: ${event.detail.data.code}`, event.detail.data.requestId)}
      >
        <PartnerScorecard />
        <DealRegister onDealSubmitted={(event) => setNotice(`Registered ${event.detail.data.deal.number}`)} />
        <ResourceLibrary layout="grid" />
      </PartnerKitProvider>
      <p role="status">{notice}</p>
    </main>
  );
}
// #endregion app
