/**
 * `NamespaceBar`: the console's project bar, built like release-4.22's
 * `frontend/public/components/namespace-bar.tsx` and
 * `console-shared/src/components/namespace/NamespaceDropdown.tsx`: a `co-namespace-bar` with a
 * `co-namespace-bar__items` row holding a menu toggle titled "Project: <name>" ("Namespace:"
 * when the cluster has no Project API, "All Projects" / "All Namespaces" for all of them), a
 * menu with a filter field and one item per project, then the children. Choosing an item calls
 * `onNamespaceChange` first and then sets the active namespace, which rewrites the URL.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useSelector } from 'react-redux';
import {
  Divider,
  Menu,
  MenuContent,
  MenuGroup,
  MenuItem,
  MenuList,
  MenuSearch,
  MenuSearchInput,
  MenuToggle,
  Popper,
  SearchInput,
} from '@patternfly/react-core';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { ALL_NAMESPACES_KEY, useActiveNamespace } from './namespace';

type NamespaceList = { metadata: { name: string } }[];

/* eslint-disable @typescript-eslint/no-explicit-any */
const useHasProjects = () =>
  useSelector((state: any) => !!state.k8s?.hasIn?.(['RESOURCES', 'models', 'Project']));

const NamespaceDropdown = ({
  selected,
  isDisabled,
  isProjects,
  onSelect,
}: {
  selected: string;
  isDisabled?: boolean;
  isProjects: boolean;
  onSelect: (ns: string) => void;
}) => {
  const [isOpen, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const [items, loaded, error] = useK8sWatchResource<NamespaceList>({
    groupVersionKind: isProjects
      ? { group: 'project.openshift.io', version: 'v1', kind: 'Project' }
      : { version: 'v1', kind: 'Namespace' },
    isList: true,
  });
  const allTitle = isProjects ? 'All Projects' : 'All Namespaces';
  const names = useMemo(() => {
    const list = (loaded && !error ? items : []).map((n) => n.metadata.name);
    if (selected !== ALL_NAMESPACES_KEY && !list.includes(selected)) list.push(selected);
    return list.sort((a, b) => a.localeCompare(b));
  }, [items, loaded, error, selected]);
  const shown = names.filter((n) => n.toLowerCase().includes(filter.toLowerCase()));
  // Identities that may not list namespaces type the name (the console lists their projects).
  const typed = error && filter.trim() && !names.includes(filter.trim()) ? filter.trim() : '';
  const title = `${isProjects ? 'Project' : 'Namespace'}: ${
    selected === ALL_NAMESPACES_KEY ? allTitle : selected
  }`;
  const choose = (ns: string) => {
    setOpen(false);
    setFilter('');
    onSelect(ns);
  };
  const menu = (
    <Menu
      className="co-namespace-dropdown__menu"
      data-test="namespace-dropdown-menu"
      activeItemId={selected}
      onSelect={(_e, id) => choose(String(id))}
      isScrollable
    >
      <MenuSearch>
        <MenuSearchInput>
          <SearchInput
            data-test="dropdown-text-filter"
            aria-label={isProjects ? 'Select project...' : 'Select namespace...'}
            placeholder={isProjects ? 'Select project...' : 'Select namespace...'}
            value={filter}
            onChange={(_e, value) => setFilter(value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && typed) choose(typed);
            }}
          />
        </MenuSearchInput>
      </MenuSearch>
      <Divider />
      <MenuContent maxMenuHeight="60vh">
        <MenuGroup label={isProjects ? 'Projects' : 'Namespaces'}>
          <MenuList>
            {!error && (
              <MenuItem
                itemId={ALL_NAMESPACES_KEY}
                isSelected={selected === ALL_NAMESPACES_KEY}
                data-test="dropdown-menu-item-link"
              >
                {allTitle}
              </MenuItem>
            )}
            {typed && (
              <MenuItem itemId={typed} data-test="dropdown-menu-item-link">
                {typed}
              </MenuItem>
            )}
            {shown.map((name) => (
              <MenuItem
                key={name}
                itemId={name}
                isSelected={selected === name}
                data-test="dropdown-menu-item-link"
              >
                {name}
              </MenuItem>
            ))}
          </MenuList>
        </MenuGroup>
      </MenuContent>
    </Menu>
  );
  return (
    <div className="co-namespace-dropdown" ref={containerRef}>
      <Popper
        trigger={
          <MenuToggle
            className="co-namespace-dropdown__menu-toggle"
            data-test="namespace-bar-toggle"
            isExpanded={isOpen}
            isDisabled={isDisabled}
            onClick={() => setOpen(!isOpen)}
          >
            {title}
          </MenuToggle>
        }
        popper={menu}
        isVisible={isOpen}
        appendTo={() => containerRef.current ?? document.body}
        direction="down"
        position="left"
        enableFlip={false}
        onDocumentClick={(event) => {
          if (!containerRef.current?.contains(event?.target as Node)) setOpen(false);
        }}
      />
    </div>
  );
};

export const NamespaceBar = ({
  onNamespaceChange,
  isDisabled,
  children,
}: {
  onNamespaceChange?: (ns: string) => void;
  isDisabled?: boolean;
  children?: ReactNode;
}) => {
  const [namespace, setNamespace] = useActiveNamespace();
  const isProjects = useHasProjects();
  return (
    <div className="co-namespace-bar" data-test="namespace-bar">
      <div className="co-namespace-bar__items" data-test-id="namespace-bar-dropdown">
        <NamespaceDropdown
          selected={namespace}
          isDisabled={isDisabled}
          isProjects={isProjects}
          onSelect={(ns) => {
            onNamespaceChange?.(ns);
            setNamespace(ns);
          }}
        />
        {children}
      </div>
    </div>
  );
};

export default NamespaceBar;
