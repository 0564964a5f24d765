import { readFileSync } from 'node:fs';
import { gatewayConfigSpec, TENANT_ROLES } from '@serviceops/contracts';
import { EXAMPLE_REALM_FILE } from './keycloak';

// The example realm (infra/keycloak/serviceops-realm.json) is what operators import: it must stay in step with
// the role list and the claims the gateway reads, and must never let a user pick their own tenant.

interface ProfileAttribute {
  name: string;
  permissions: { view: string[]; edit: string[] };
}
interface Realm {
  roles: { realm: { name: string }[] };
  clients: {
    clientId: string;
    directAccessGrantsEnabled: boolean;
    protocolMappers: { protocolMapper: string; config: Record<string, string> }[];
  }[];
  components: Record<string, { config: Record<string, string[]> }[]>;
}

const realm = JSON.parse(readFileSync(EXAMPLE_REALM_FILE, 'utf8')) as Realm;
const client = realm.clients.find((c) => c.clientId === 'serviceops-api');
const mapper = (kind: string) => client?.protocolMappers.find((m) => m.protocolMapper === kind)?.config;
const profile = JSON.parse(
  realm.components['org.keycloak.userprofile.UserProfileProvider']?.[0]?.config[
    'kc.user.profile.config'
  ]?.[0] ?? '{}',
) as { unmanagedAttributePolicy?: string; attributes: ProfileAttribute[] };

describe('the example Keycloak realm', () => {
  it('offers exactly the roles a tenant admin may grant: never the platform operator', () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...TENANT_ROLES].sort());
  });

  it('puts the tenant attribute in the claim the gateway reads by default, and the API as audience', () => {
    expect(mapper('oidc-usermodel-attribute-mapper')).toMatchObject({
      'user.attribute': 'tenant_id',
      'claim.name': gatewayConfigSpec.OIDC_TENANT_CLAIM.default,
      'access.token.claim': 'true',
    });
    expect(mapper('oidc-audience-mapper')).toMatchObject({
      'included.client.audience': 'serviceops-api',
      'access.token.claim': 'true',
    });
    // Keycloak's own `roles` scope puts realm roles there.
    expect(gatewayConfigSpec.OIDC_ROLES_CLAIM.default).toBe('realm_access.roles');
  });

  it('lets only an administrator set a user’s tenant, and users no attribute the profile does not declare', () => {
    const tenant = profile.attributes.find((a) => a.name === 'tenant_id');
    expect(tenant?.permissions.edit).toEqual(['admin']);
    // ENABLED would let users edit undeclared attributes through the account API; ADMIN_EDIT / ADMIN_VIEW do not.
    expect(profile.unmanagedAttributePolicy).toMatch(/^ADMIN_(VIEW|EDIT)$/);
  });

  it('ships with the password grant off: users sign in through the browser flow', () => {
    expect(client?.directAccessGrantsEnabled).toBe(false);
  });
});
