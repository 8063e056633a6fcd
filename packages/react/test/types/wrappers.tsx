// Type tests of @partnerkit/react: typed props and typed event callbacks. Every line compiles
// except those under `@ts-expect-error`, which must not. Checked by the workspace's typecheck and,
// against the packed packages, at both ends of the supported TypeScript range (scripts/published/).
import { DealRegister, PartnerKitProvider, PartnerScorecard, ResourceLibrary } from '@partnerkit/react';
import type { PkDealSubmittedEvent } from '@partnerkit/elements';
import type { PartnerKitClient } from '@partnerkit/core/client';

declare const client: PartnerKitClient;
declare function toast(text: string): void;

export const portal = (
  <PartnerKitProvider baseUrl="https://prm.example.com/api" sessionUrl="/partnerkit/session" onError={(event) => toast(event.detail.data.code)}>
    <PartnerScorecard partnerId="pt_0001" period="2026-Q3" compact onScorecardLoad={(event) => toast(String(event.detail.data.scorecard.score))} />
    <DealRegister view="list" onDealSubmitted={(event) => toast(event.detail.data.deal.number)} onDealConflict={(event) => toast(String(event.detail.data.reason))} />
    <ResourceLibrary layout="grid" pageSize={24} client={client} onResourceOpen={(event) => toast(event.detail.data.resourceId)} />
  </PartnerKitProvider>
);

export const handler = (event: PkDealSubmittedEvent) => toast(event.detail.data.deal.number);
export const withHandler = <DealRegister onDealSubmitted={handler} />;

export const wrongView = (
  // @ts-expect-error view is 'register' or 'list'
  <DealRegister view="kanban" />
);
export const wrongEvent = (
  // @ts-expect-error the callback receives the event's own class
  <DealRegister onDealSubmitted={(event: KeyboardEvent) => toast(event.key)} />
);
export const wrongProp = (
  // @ts-expect-error no such property
  <PartnerScorecard partnerID="pt_0001" />
);
export const wrongClient = (
  // @ts-expect-error client is a PartnerKitClient
  <ResourceLibrary client="https://prm.example.com/api" />
);
