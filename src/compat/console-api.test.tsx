// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
// The router of consoles 4.19–4.21: react-router-dom 5 with the v5-compat `CompatRouter` inside.
import { MemoryRouter, useLocation as useV5Location } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';
import * as current from './console-api';
import * as legacy from './console-api.4-19';

const Probe = () => {
  const [params, setParams] = legacy.useSearchParams();
  const navigate = legacy.useNavigate();
  const location = useV5Location();
  const id = legacy.useId();
  const [, rerender] = useState(0);
  return (
    <>
      <p data-test="console-location">{location.pathname + location.search}</p>
      <p data-test="instance">{params.get('instance') ?? 'none'}</p>
      <p data-test="id">{id}</p>
      <legacy.Link to="/clearml/ns/team-b">other project</legacy.Link>
      <button
        onClick={() =>
          setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), instance: 'b' }))
        }
      >
        select
      </button>
      <button onClick={() => navigate('/clearml/all-namespaces')}>all</button>
      <button onClick={() => rerender((n) => n + 1)}>rerender</button>
    </>
  );
};

describe('compatibility modules', () => {
  it('offer the same hooks and components to the plugin in both builds', () => {
    expect(Object.keys(legacy).sort()).toEqual(Object.keys(current).sort());
  });

  it('route, read search parameters and make ids inside the router of consoles 4.19–4.21', () => {
    render(
      <MemoryRouter initialEntries={['/clearml/ns/team-a?instance=a']}>
        <CompatRouter>
          <Probe />
          <Probe />
        </CompatRouter>
      </MemoryRouter>,
    );
    const [first, second] = screen.getAllByTestId('id').map((e) => e.textContent);
    expect(first).not.toBe(second);
    expect(screen.getAllByTestId('instance')[0].textContent).toBe('a');

    act(() => fireEvent.click(screen.getAllByText('select')[0]));
    expect(screen.getAllByTestId('console-location')[0].textContent).toBe(
      '/clearml/ns/team-a?instance=b',
    );
    act(() => fireEvent.click(screen.getAllByText('other project')[0]));
    expect(screen.getAllByTestId('console-location')[0].textContent).toBe('/clearml/ns/team-b');
    act(() => fireEvent.click(screen.getAllByText('all')[0]));
    expect(screen.getAllByTestId('console-location')[0].textContent).toBe(
      '/clearml/all-namespaces',
    );
    act(() => fireEvent.click(screen.getAllByText('rerender')[0]));
    expect(screen.getAllByTestId('id')[0].textContent).toBe(first);
  });
});
