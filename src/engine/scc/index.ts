export { admit, selectScc } from './admit';
export type { AdmissionResult, Violation, ViolationKind } from './admit';
export {
  DEFAULT_NAMESPACE_ANNOTATIONS,
  MCS_ANNOTATION,
  namespaceSccInfo,
  parseIdBlocks,
  SUPPLEMENTAL_GROUPS_ANNOTATION,
  UID_RANGE_ANNOTATION,
} from './namespace';
export { DATA_OWNER_ANNOTATION, planScc, SCC_LADDER, SECURITY_NOTE_ANNOTATION } from './plan';
export type { PlanOptions, SccPlanEntry, SecurityModeName } from './plan';
export { byAdmissionOrder, SAFE_SYSCTLS, SCCS } from './sccs';
export type { SccDefinition, SccName } from './sccs';
