/**
 * `ListPageHeader`: the console's page heading (an h1 title, optional badge and help text,
 * children as the primary action). With no title it renders a bare PageSection.
 */
import type { ReactNode } from 'react';
import { Content, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';

type ListPageHeaderProps = {
  title?: string;
  helpText?: ReactNode;
  badge?: ReactNode;
  hideFavoriteButton?: boolean;
  children?: ReactNode;
};

const ListPageHeader = ({ title, helpText, badge, children }: ListPageHeaderProps) => {
  if (!title) {
    return <PageSection hasBodyWrapper={false}>{children}</PageSection>;
  }
  return (
    <PageSection hasBodyWrapper={false} className="co-page-heading" data-test="page-heading">
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
      >
        <FlexItem>
          <Flex
            alignItems={{ default: 'alignItemsCenter' }}
            spaceItems={{ default: 'spaceItemsSm' }}
          >
            <Title headingLevel="h1" data-test="page-title">
              {title}
            </Title>
            {badge && <FlexItem>{badge}</FlexItem>}
          </Flex>
        </FlexItem>
        {children && <FlexItem>{children}</FlexItem>}
      </Flex>
      {helpText && (
        <Content component="p" className="co-page-heading__help-text">
          {helpText}
        </Content>
      )}
    </PageSection>
  );
};

export default ListPageHeader;
