'use client';
// #region portal
// The widgets run in the browser: a client component. During server rendering the tags render as
// plain elements and upgrade when the page loads.
import { DealRegister, PartnerKitProvider, PartnerScorecard, ResourceLibrary } from '@partnerkit/react';

export function PartnerPortal({ backendUrl }: { backendUrl: string }) {
  return (
    <main>
      <h1>Partner portal</h1>
      <PartnerKitProvider baseUrl={backendUrl} sessionUrl="/partnerkit/session">
        <PartnerScorecard />
        <DealRegister />
        <ResourceLibrary layout="grid" />
      </PartnerKitProvider>
    </main>
  );
}
// #endregion portal
