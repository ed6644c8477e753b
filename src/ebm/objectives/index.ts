// The objectives by name, for a trainer that switches between them: each spec carries its
// parameters, NEGATIVES says where its negatives come from, evaluateObjective dispatches.
import { cdK, CD_K_NEGATIVES } from './cdK';
import { dsm, DSM_NEGATIVES, type DsmParams } from './dsm';
import { exactMl, EXACT_ML_NEGATIVES, type ExactMlParams } from './exactMl';
import { persistentCd, PERSISTENT_CD_NEGATIVES, type CdParams } from './persistentCd';
import { shortRunCd, SHORT_RUN_NEGATIVES } from './shortRunCd';
import type { NegativeSource, ObjectiveInput, ObjectiveResult } from './types';

export { cdKStart } from './cdK';
export { createMlGrid, EXACT_ML_GRID } from './exactMl';
export { shortRunStart } from './shortRunCd';
export type { CdParams, DsmParams, ExactMlParams };
export type * from './types';

export type ObjectiveSpec =
  | ({ kind: 'persistentCd' } & CdParams)
  | ({ kind: 'shortRunCd' } & CdParams)
  | ({ kind: 'cdK' } & CdParams)
  | ({ kind: 'exactMl' } & ExactMlParams)
  | ({ kind: 'dsm' } & DsmParams);
export type ObjectiveKind = ObjectiveSpec['kind'];

export const NEGATIVES: Record<ObjectiveKind, NegativeSource> = {
  persistentCd: PERSISTENT_CD_NEGATIVES,
  shortRunCd: SHORT_RUN_NEGATIVES,
  cdK: CD_K_NEGATIVES,
  exactMl: EXACT_ML_NEGATIVES,
  dsm: DSM_NEGATIVES,
};

export function evaluateObjective(spec: ObjectiveSpec, input: ObjectiveInput): ObjectiveResult {
  switch (spec.kind) {
    case 'persistentCd':
      return persistentCd(input, spec);
    case 'shortRunCd':
      return shortRunCd(input, spec);
    case 'cdK':
      return cdK(input, spec);
    case 'exactMl':
      return exactMl(input, spec);
    case 'dsm':
      return dsm(input, spec);
  }
}
