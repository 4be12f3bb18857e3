import { DocumentTitle, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { Content, PageSection } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

const ClearMLPage = () => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <>
      <DocumentTitle>{t('Deploy ClearML')}</DocumentTitle>
      <ListPageHeader title={t('ClearML')} />
      <PageSection>
        <Content component="p">
          {t(
            'Deploy the ClearML server in this project with a least-privilege security plan, then watch it come up.',
          )}
        </Content>
      </PageSection>
    </>
  );
};

export default ClearMLPage;
