/**
 * Each agent is a ClearML user with its own key pair. The API server creates the users listed
 * under `secure.credentials` at every start, with the configured key and secret
 * (clearml-server v2.0.0 apiserver/mongo/initialize/__init__.py:51-78, user.py:12-45), and reads
 * `CLEARML__a__b__c` variables as the lower-cased config path `a.b.c`, parsed as HOCON
 * (apiserver/config/basic.py:93-109). Upstream compose registers its services agent the same way
 * (docker/docker-compose.yml:32-33). When an agent is removed its variables go; the server then
 * deletes the auto-created user (`apiserver.auth.delete_missing_autocreated_users`, default true:
 * apiserver/config/default/apiserver.conf:61-62, __init__.py:93-102).
 */
import type { EnvVar } from '../../k8s-types';
import type { AgentValues } from '../../values/schema';
import type { RenderContext } from '../context';
import { hoconString } from '../hocon';
import { secretHoconEnv } from '../pod';
import { agentSecretKeys, agentSlug } from '../secrets';

/** The server's user name of an agent (`secure.credentials.<user>`); its user id is `__<user>__`. */
export const agentUser = (agent: AgentValues): string => `agent_${agentSlug(agent.name)}`;

/** The API server's variables that register every agent's user (role `user`). */
export function agentUsersEnv(ctx: RenderContext): EnvVar[] {
  return ctx.values.agents.flatMap((agent) => {
    const prefix = `CLEARML__SECURE__CREDENTIALS__${agentUser(agent).toUpperCase()}__`;
    const keys = agentSecretKeys(agent.name);
    return [
      // Roles: clearml-server v2.0.0 apiserver/database/model/auth.py:23-35.
      { name: `${prefix}ROLE`, value: hoconString('user') },
      { name: `${prefix}DISPLAY_NAME`, value: hoconString(`ClearML agent ${agent.name}`) },
      ...secretHoconEnv(ctx, `${prefix}USER_KEY`, keys.key),
      ...secretHoconEnv(ctx, `${prefix}USER_SECRET`, keys.secret),
    ];
  });
}
