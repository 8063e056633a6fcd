import { PartnerPortal } from './partner-portal';

// A server component: it reads the backend's URL on the server and hands it to the client part.
export default function PartnerPage() {
  return <PartnerPortal backendUrl={process.env['PARTNERKIT_URL'] ?? 'http://127.0.0.1:8787'} />;
}
