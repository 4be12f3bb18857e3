import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import { coFetchJSON } from '../console/console-fetch';

/**
 * Switches the identity the bridge proxies as (a kubeconfig context). The bridge stores the
 * choice in a cookie; the page reloads so that every cache starts from scratch.
 */
export const UserSwitcher = () => {
  const devHost = window.SERVER_FLAGS.devHost;
  if (!devHost || devHost.users.length === 0) return null;
  return (
    <FormSelect
      aria-label="User"
      data-test="user-switcher"
      value={devHost.user}
      onChange={(_e, user) => {
        coFetchJSON
          .post(`${window.SERVER_FLAGS.basePath}api/dev-host/user`, { user })
          .then(() => window.location.reload())
          .catch((error: unknown) => console.error('Could not switch user', error));
      }}
    >
      {devHost.users.map((user) => (
        <FormSelectOption key={user} value={user} label={user} />
      ))}
    </FormSelect>
  );
};
