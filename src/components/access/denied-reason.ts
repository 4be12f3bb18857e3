import type { TFunction } from 'i18next';
import type { PageAction } from '../../engine/access/page-access';
import type { ProjectAccess } from '../../hooks/usePageAccess';

/** At most three rights by name, then how many more. */
const rightsText = (t: TFunction, missing: string[]): string =>
  missing.length > 3
    ? t('{{rights}} and {{count}} more', {
        rights: missing.slice(0, 3).join(', '),
        count: missing.length - 3,
      })
    : missing.join(', ');

/**
 * Why an action is not offered in `namespace`, in words (the rights the user lacks), or
 * undefined when it is allowed.
 */
export function deniedReason(
  t: TFunction,
  action: PageAction,
  project: ProjectAccess,
  namespace: string,
): string | undefined {
  if (!project.loaded) return t('Checking your permissions…');
  const { allowed, missing } = project.access[action];
  if (allowed) return undefined;
  const rights = rightsText(t, missing);
  switch (action) {
    case 'deploy':
      return t('You cannot deploy in project {{namespace}}: you lack the right to {{rights}}.', {
        namespace,
        rights,
      });
    case 'upgrade':
      return t('You cannot upgrade in project {{namespace}}: you lack the right to {{rights}}.', {
        namespace,
        rights,
      });
    case 'uninstall':
      return t('You cannot uninstall in project {{namespace}}: you lack the right to {{rights}}.', {
        namespace,
        rights,
      });
    case 'credentials':
      return t(
        'You cannot read the credentials: you lack the right to {{rights}} in project {{namespace}}.',
        { namespace, rights },
      );
    case 'grant':
      return t(
        'You cannot grant security context constraints in project {{namespace}}: you lack the right to {{rights}}.',
        { namespace, rights },
      );
  }
}

/**
 * Why taking a chart release over is not offered in `namespace`: it deploys an instance and
 * removes the release's objects, so it needs the rights of both deploy and uninstall.
 */
export function takeOverDeniedReason(
  t: TFunction,
  project: ProjectAccess,
  namespace: string,
): string | undefined {
  if (!project.loaded) return t('Checking your permissions…');
  const missing = [
    ...new Set([...project.access.deploy.missing, ...project.access.uninstall.missing]),
  ];
  if (project.access.deploy.allowed && project.access.uninstall.allowed) return undefined;
  return t('You cannot take over in project {{namespace}}: you lack the right to {{rights}}.', {
    namespace,
    rights: rightsText(t, missing),
  });
}
