/**
 * The people of the scenarios, as local accounts of every seeded license server. Test
 * data, shared by the acceptance suite and the reliability tests.
 */
export const PERSONAS = {
  administrator: { userName: 'admin', password: 'Adm1n-passw0rd', groups: ['Administrators'] },
  'standard user': { userName: 'jdoe', password: 'Us3r-passw0rd', groups: ['Users'] },
} as const;
