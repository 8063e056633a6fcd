/** Who is signed in. */
export interface User {
  id: string;
  name: string;
  partnerId: string;
}

/**
 * Your login goes here (your auth library's session lookup). This example has none: everyone is
 * one user of one partner.
 */
export async function signedInUser(_request: Request): Promise<User | null> {
  return { id: 'example-user', name: 'Example User', partnerId: process.env['PARTNERKIT_PARTNER_ID'] ?? 'pt_0001' };
}
