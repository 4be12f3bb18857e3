/** The SCC-related namespace annotations written by OpenShift's namespace allocation controller. */
export const UID_RANGE_ANNOTATION = 'openshift.io/sa.scc.uid-range';
export const SUPPLEMENTAL_GROUPS_ANNOTATION = 'openshift.io/sa.scc.supplemental-groups';
export const MCS_ANNOTATION = 'openshift.io/sa.scc.mcs';

/** Typical values for a project whose annotations are not known (yet). */
export const DEFAULT_NAMESPACE_ANNOTATIONS: Record<string, string> = {
  [UID_RANGE_ANNOTATION]: '1000680000/10000',
  [SUPPLEMENTAL_GROUPS_ANNOTATION]: '1000680000/10000',
  [MCS_ANNOTATION]: 's0:c26,c15',
};

export interface IdRange {
  min: number;
  max: number;
}

/** Parses `<start>/<size>` or `<start>-<end>` blocks, comma separated; invalid blocks are skipped. */
export function parseIdBlocks(text: string | undefined): IdRange[] {
  if (!text) {
    return [];
  }
  const ranges: IdRange[] = [];
  for (const block of text.split(',')) {
    const sized = /^\s*(\d+)\/(\d+)\s*$/.exec(block);
    const spanned = /^\s*(\d+)-(\d+)\s*$/.exec(block);
    if (sized && Number(sized[2]) > 0) {
      ranges.push({ min: Number(sized[1]), max: Number(sized[1]) + Number(sized[2]) - 1 });
    } else if (spanned && Number(spanned[2]) >= Number(spanned[1])) {
      ranges.push({ min: Number(spanned[1]), max: Number(spanned[2]) });
    }
  }
  return ranges;
}

export interface NamespaceSccInfo {
  uidRange: IdRange | undefined;
  groupRanges: IdRange[];
}

/** Reads the namespace annotations, filling missing ones with OpenShift-like defaults. */
export function namespaceSccInfo(annotations: Record<string, string> = {}): NamespaceSccInfo {
  const merged = { ...DEFAULT_NAMESPACE_ANNOTATIONS, ...annotations };
  const uid = parseIdBlocks(merged[UID_RANGE_ANNOTATION])[0];
  const groups = parseIdBlocks(
    merged[SUPPLEMENTAL_GROUPS_ANNOTATION] ?? merged[UID_RANGE_ANNOTATION],
  );
  return { uidRange: uid, groupRanges: groups.length > 0 ? groups : uid ? [uid] : [] };
}
