import {
  Component,
  Suspense,
  lazy,
  useContext,
  useMemo,
  type ComponentType,
  type ReactNode,
} from 'react';
import { Provider, useSelector } from 'react-redux';
import {
  PluginStoreProvider,
  usePluginInfo,
  type LoadedExtension,
  type PluginStore,
} from '@openshift/dynamic-plugin-sdk';
import {
  Alert,
  Bullseye,
  Content,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadMain,
  Nav,
  NavExpandable,
  NavItem,
  NavList,
  Page,
  PageSection,
  PageSidebar,
  PageSidebarBody,
  Spinner,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { isHrefNavItem, isRoutePage } from '@openshift-console/dynamic-plugin-sdk';
import type { HrefNavItem, RoutePage } from '@openshift-console/dynamic-plugin-sdk';
import { ModalProvider } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/ModalProvider';
import { OverlayProvider } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/OverlayProvider';
import { PerspectiveContext } from '@openshift-console/dynamic-plugin-sdk/lib/perspective/perspective-context';
import { useConsoleExtensions } from '../console/extensions';
import { ALL_NAMESPACES_KEY, useActiveNamespace } from '../console/namespace';
import { HostRouter, Route, Routes, useLocation, useNavigate } from '../platform/host-platform';
import { NamespaceProvider, PERSPECTIVES, PerspectiveProvider } from './providers';
import { ThemeSwitcher } from './ThemeSwitcher';
import { UserSwitcher } from './UserSwitcher';
import type { ConsoleStore } from './store';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SECTIONS: Record<string, string> = {
  home: 'Home',
  ecosystem: 'Ecosystem',
  workloads: 'Workloads',
  networking: 'Networking',
  storage: 'Storage',
  builds: 'Builds',
  compute: 'Compute',
  usermanagement: 'User Management',
  administration: 'Administration',
  observe: 'Observe',
  resources: 'Resources',
  top: '',
};

const LoadingBox = () => (
  <Bullseye className="co-m-loader" data-test="loading-box">
    <Spinner aria-label="Loading" />
  </Bullseye>
);

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('Page crashed', error);
  }
  override render() {
    if (this.state.error) {
      return (
        <PageSection>
          <Alert
            variant="danger"
            isInline
            title="Oh no! Something went wrong."
            data-test="error-boundary"
          >
            {this.state.error.message}
          </Alert>
        </PageSection>
      );
    }
    return this.props.children;
  }
}

const useActivePerspectiveId = () =>
  (useContext(PerspectiveContext) as any).activePerspective ?? 'admin';

const navHref = (item: HrefNavItem['properties'], namespace: string) => {
  if (item.namespaced) {
    return namespace === ALL_NAMESPACES_KEY
      ? `${item.href}/all-namespaces`
      : `${item.href}/ns/${namespace}`;
  }
  if (item.prefixNamespaced) {
    return namespace === ALL_NAMESPACES_KEY
      ? `/k8s/all-namespaces${item.href}`
      : `/k8s/ns/${namespace}${item.href}`;
  }
  return item.href;
};

const isActive = (pathname: string, item: HrefNavItem['properties']) =>
  [item.href, ...(item.startsWith ?? [])]
    .map((c) => `/${c.replace(/^\//, '')}`)
    .some((c) => pathname === c || pathname.startsWith(`${c}/`));

const ConsoleNav = () => {
  const perspective = useActivePerspectiveId();
  const [namespace] = useActiveNamespace();
  const location = useLocation();
  const navigate = useNavigate();
  const items = useConsoleExtensions<LoadedExtension<HrefNavItem>>(isHrefNavItem as any).filter(
    (e) => (e.properties.perspective ?? 'admin') === perspective,
  );
  const sections = new Map<string, LoadedExtension<HrefNavItem>[]>();
  for (const item of items) {
    const section = item.properties.section ?? 'top';
    sections.set(section, [...(sections.get(section) ?? []), item]);
  }
  const renderItem = (e: LoadedExtension<HrefNavItem>) => {
    const href = navHref(e.properties, namespace);
    return (
      <NavItem
        key={e.uid}
        to={href}
        isActive={isActive(location.pathname, e.properties)}
        data-test-id={e.properties.id}
        onClick={(event) => {
          // Client-side navigation, as the console's router links do.
          event.preventDefault();
          navigate(href);
        }}
      >
        {e.properties.name}
      </NavItem>
    );
  };
  return (
    <Nav aria-label="Navigation" data-test="console-nav">
      <NavList>
        {[...sections.entries()].map(([section, sectionItems]) =>
          section === 'top' ? (
            sectionItems.map(renderItem)
          ) : (
            <NavExpandable
              key={section}
              title={SECTIONS[section] ?? section}
              isExpanded
              data-test-id={`nav-section-${section}`}
              isActive={sectionItems.some((e) => isActive(location.pathname, e.properties))}
            >
              {sectionItems.map(renderItem)}
            </NavExpandable>
          ),
        )}
      </NavList>
    </Nav>
  );
};

const PerspectiveSwitcher = () => {
  const { activePerspective, setActivePerspective } = useContext(PerspectiveContext) as any;
  return (
    <FormSelect
      aria-label="Perspective"
      data-test="perspective-switcher"
      value={activePerspective}
      onChange={(_e, value) => setActivePerspective(value)}
    >
      {PERSPECTIVES.map((p) => (
        <FormSelectOption key={p.id} value={p.id} label={p.name} />
      ))}
    </FormSelect>
  );
};

const Header = () => {
  const user = useSelector((state: any) => state.sdkCore.user?.username as string | undefined);
  return (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <Title headingLevel="h2" size="lg" style={{ color: 'inherit' }}>
            Development console host
          </Title>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarItem align={{ default: 'alignEnd' }}>
              <ThemeSwitcher />
            </ToolbarItem>
            <ToolbarItem>
              <UserSwitcher />
            </ToolbarItem>
            {user && (
              <ToolbarItem>
                <span data-test="current-user">{user}</span>
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
};

const lazyComponents = new Map<string, ComponentType>();
const lazyFor = (e: LoadedExtension<RoutePage>) => {
  let C = lazyComponents.get(e.uid);
  if (!C) {
    C = lazy(async () => ({ default: (await e.properties.component()) as ComponentType }));
    lazyComponents.set(e.uid, C);
  }
  return C;
};

const Home = () => (
  <PageSection>
    <Title headingLevel="h1">Development console host</Title>
    <Content component="p">Open a plugin page from the navigation.</Content>
  </PageSection>
);

const NotFound = () => {
  const pending = usePluginInfo().some((p) => p.status === 'pending');
  if (pending) return <LoadingBox />;
  return (
    <EmptyState titleText="404: Page Not Found" headingLevel="h1" data-test="not-found">
      <EmptyStateBody>The server doesn&apos;t have a resource type with that path.</EmptyStateBody>
    </EmptyState>
  );
};

const FailedPlugins = () => {
  const failed = usePluginInfo().filter((p) => p.status === 'failed');
  if (failed.length === 0) return null;
  return (
    <PageSection>
      {failed.map((p) => (
        <Alert
          key={p.manifest.name}
          variant="danger"
          isInline
          title="Plugin failed to load"
          data-test="plugin-failed"
        >
          {String((p as any).errorMessage ?? '')}
        </Alert>
      ))}
    </PageSection>
  );
};

const AppRoutes = () => {
  const perspective = useActivePerspectiveId();
  const routes = useConsoleExtensions<LoadedExtension<RoutePage>>(isRoutePage as any);
  const ordered = useMemo(
    () => [
      ...routes.filter((r) => (r.properties.perspective ?? perspective) === perspective),
      ...routes.filter((r) => (r.properties.perspective ?? perspective) !== perspective),
    ],
    [routes, perspective],
  );
  return (
    <Routes>
      {ordered.flatMap((r) => {
        const paths = Array.isArray(r.properties.path) ? r.properties.path : [r.properties.path];
        const C = lazyFor(r);
        return paths.map((p) => (
          <Route
            key={`${r.uid}${p}`}
            path={r.properties.exact ? p : `${p.replace(/\/$/, '')}/*`}
            element={<C />}
          />
        ));
      })}
      <Route path="/" element={<Home />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
};

const Frame = () => (
  <Page
    id="content"
    masthead={<Header />}
    sidebar={
      <PageSidebar>
        <PageSidebarBody>
          <PerspectiveSwitcher />
        </PageSidebarBody>
        <PageSidebarBody isFilled>
          <ConsoleNav />
        </PageSidebarBody>
      </PageSidebar>
    }
  >
    <FailedPlugins />
    <PageSection id="content-scrollable" padding={{ default: 'noPadding' }} hasBodyWrapper={false}>
      <ErrorBoundary>
        <Suspense fallback={<LoadingBox />}>
          <AppRoutes />
        </Suspense>
      </ErrorBoundary>
    </PageSection>
  </Page>
);

export const App = ({ store, pluginStore }: { store: ConsoleStore; pluginStore: PluginStore }) => (
  <Provider store={store}>
    <PluginStoreProvider store={pluginStore}>
      <HostRouter basename={window.SERVER_FLAGS.basePath}>
        <PerspectiveProvider>
          <NamespaceProvider>
            <ModalProvider>
              <OverlayProvider>
                <Suspense fallback={<LoadingBox />}>
                  <Frame />
                </Suspense>
              </OverlayProvider>
            </ModalProvider>
          </NamespaceProvider>
        </PerspectiveProvider>
      </HostRouter>
    </PluginStoreProvider>
  </Provider>
);
