import type { ReportData } from '../evaluate/report';
import type { Panel } from '../grid/panel';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents } from '../io/incidents';
import type { ArrowSource } from '../io/read-arrow';
import type { BinSettings, BoundaryFile } from './protocol';
import type { PanelInput } from './read-panel-input';

// The worker session's stages (see `Session`): what each step leaves for the next.

/** Files opened: incident files, or pre-binned panel files. */
export interface Opened {
  readonly kind: 'incidents' | 'panel';
  readonly sources: readonly ArrowSource[];
  readonly sha256: string;
  readonly ms: number;
}

/** Incidents decoded with a mapping, or a pre-binned panel file as read. */
export type Loaded =
  | { readonly kind: 'incidents'; readonly mapping: ColumnMapping; readonly incidents: Incidents; readonly ms: number }
  | { readonly kind: 'panel'; readonly input: PanelInput; readonly ms: number };

/** A panel binned from what was loaded, with what the report and study region need. */
export interface Binned {
  readonly settings: BinSettings;
  readonly panel: Panel;
  /** The report's data section for this panel. */
  readonly data: ReportData;
  /** The boundary's H3 cover at this resolution: the study region (absent: the default region). */
  readonly region?: readonly string[];
  readonly ms: number;
}

/** A GeoJSON study-region boundary, parsed. */
export interface Boundary extends BoundaryFile {
  readonly geojson: unknown;
}
