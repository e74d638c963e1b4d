/**
 * The people of the scenarios, as local accounts of every seeded license server. Test
 * data, shared by the acceptance suite and the reliability tests.
 */
export const PERSONAS = {
  administrator: { userName: 'admin', password: 'Adm1n-passw0rd', groups: ['Administrators'] },
  'standard user': { userName: 'jdoe', password: 'Us3r-passw0rd', groups: ['Users'] },
  /** May connect to Remote Desktop sessions; no right to manage licensing. */
  'Remote Desktop user': { userName: 'rdsuser', password: 'Rd5-passw0rd', groups: ['Remote Desktop Users'] },
  /** An administrator only through a domain group nested in the local Administrators group ("or equivalent"). */
  'delegated administrator': { userName: 'CONTOSO\\licadmin', password: 'D0main-passw0rd', groups: ['CONTOSO\\RDS License Admins'] },
  /** A local administrator whose password is blank: Windows lets such an account log on at the console only. */
  'passwordless administrator': { userName: 'localadmin', password: '', groups: ['Administrators'] },
} as const;

/** The local group memberships seeded with the personas: the domain group inside Administrators. */
export const LOCAL_GROUPS = [{ name: 'Administrators', members: ['CONTOSO\\RDS License Admins'] }];

/** How a sentence names each persona, longest first so that a sentence's opening words find one. */
export const PERSONA_PHRASES = Object.keys(PERSONAS)
  .map((name) => `the ${name}`)
  .sort((a, b) => b.length - a.length);
