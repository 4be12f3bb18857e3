import { checksBeforeLoading, unmetPluginAPI } from './plugin-api-gate';

describe('the @console/pluginAPI gate of consoles 4.19–4.21', () => {
  it('refuses the 4.22 build with the console message', () => {
    expect(unmetPluginAPI({ '@console/pluginAPI': '>=4.22.0-0' }, '4.20.0')).toBe(
      'Unmet dependency on Console plugin API: @console/pluginAPI: required >=4.22.0-0, current 4.20.0',
    );
  });

  it('loads the 4.19 build on 4.19, 4.20 and 4.21 (prereleases too) and refuses it on 4.22', () => {
    const deps = { '@console/pluginAPI': '>=4.19.0-0 <4.22.0-0' };
    for (const release of ['4.19.0', '4.20.7', '4.21.0-ec.3']) {
      expect(unmetPluginAPI(deps, release), release).toBeUndefined();
    }
    expect(unmetPluginAPI(deps, '4.22.0')).toMatch(
      /required >=4\.19\.0-0 <4\.22\.0-0, current 4\.22\.0$/,
    );
  });

  it('skips the check when the release version is unknown or the manifest has no range', () => {
    expect(unmetPluginAPI({ '@console/pluginAPI': '>=4.22.0-0' }, null)).toBeUndefined();
    expect(unmetPluginAPI({}, '4.20.0')).toBeUndefined();
  });

  it('is made by the host itself only when it presents a console before 4.22', () => {
    expect(checksBeforeLoading('4.20.0')).toBe(true);
    expect(checksBeforeLoading('4.21.9')).toBe(true);
    expect(checksBeforeLoading('4.22.0')).toBe(false);
    expect(checksBeforeLoading(null)).toBe(false);
  });
});
