import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './oidc';
import { Role } from './role';

const claims = { role: 'hub_role', municipality: 'hub_municipality', schools: 'hub_schools' };

describe('identityFromClaims', () => {
  it('maps a role and the scope it needs, ignoring scope claims the role does not use', () => {
    expect(
      identityFromClaims(
        { sub: 'U-1', name: 'Иванова', hub_role: 'MUNICIPAL_OFFICER', hub_municipality: 'tomsky', hub_schools: ['x'] },
        claims,
      ),
    ).toEqual({
      username: 'oidc:u-1',
      displayName: 'Иванова',
      role: Role.MUNICIPAL_OFFICER,
      municipalityCode: 'tomsky',
      schoolCode: null,
      assignedSchools: [],
    });
    expect(identityFromClaims({ sub: 'e', hub_role: 'expert', hub_schools: 'sch2, sch1,sch2' }, claims)).toMatchObject({
      role: Role.EXPERT,
      assignedSchools: ['sch1', 'sch2'],
      displayName: 'e',
    });
    expect(
      identityFromClaims(
        { sub: 'c', preferred_username: 'coord', hub_role: 'school_coordinator', hub_schools: ['s'] },
        claims,
      ),
    ).toMatchObject({ schoolCode: 's', assignedSchools: [], displayName: 'coord' });
    expect(identityFromClaims({ sub: 'a', hub_role: 'region_admin', hub_municipality: 'tomsk' }, claims)).toMatchObject(
      {
        role: Role.REGION_ADMIN,
        municipalityCode: null,
      },
    );
  });

  it('refuses claims without a subject, a known role, or the scope the role needs', () => {
    expect(identityFromClaims({ hub_role: 'region_admin' }, claims)).toBeNull();
    expect(identityFromClaims({ sub: 'x', hub_role: 'root' }, claims)).toBeNull();
    expect(identityFromClaims({ sub: 'x' }, claims)).toBeNull();
    expect(identityFromClaims({ sub: 'x', hub_role: 'municipal_officer' }, claims)).toBeNull();
    expect(
      identityFromClaims({ sub: 'x', hub_role: 'school_coordinator', hub_schools: ['a', 'b'] }, claims),
    ).toBeNull();
    expect(identityFromClaims({ sub: 'x', hub_role: 'curator', hub_schools: [] }, claims)).toBeNull();
  });

  it('reads the claims the configuration names', () => {
    const custom = { role: 'roles.hub', municipality: 'mo', schools: 'oo' };
    expect(identityFromClaims({ sub: 'x', 'roles.hub': 'curator', oo: ['s1'] }, custom)?.assignedSchools).toEqual([
      's1',
    ]);
  });
});
