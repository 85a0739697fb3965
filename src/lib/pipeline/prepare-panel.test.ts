import { Dictionary, Float64, Int32, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { BinReport } from '../grid/bin-incidents';
import { cellOf } from '../grid/h3';
import { arrowTableBytes } from '../io/arrow-table-bytes';
import { emptyDropCounts, type LoadReport } from '../io/incidents';
import type { PanelFileReport } from '../grid/panel-file';
import { readArrow } from '../io/read-arrow';
import { incidentsReportData, panelReportData } from './bin';
import { isPanelInput } from './load';
import { preparePanel } from './prepare-panel';

const DAY = 86_400_000;
const CELL = cellOf({ lat: 41.88, lng: -87.63, res: 8 });

/** A panel file of one cell over three days: counts 1, 0 (no row), 2, plus a row without a cell. */
const panelSource = () =>
  readArrow(
    arrowTableBytes({
      cell: vectorFromArray([CELL, CELL, null], new Dictionary(new Utf8(), new Int32())),
      period: vectorFromArray([0, 2 * DAY, DAY], new TimestampMillisecond()),
      count: vectorFromArray([1, 2, 5], new Float64()),
    }),
    'panel.arrow',
  );

/** An incident file of two rows. */
const incidentSource = () =>
  readArrow(
    arrowTableBytes({
      time: vectorFromArray([0, DAY], new TimestampMillisecond()),
      lat: vectorFromArray([41.88, 41.881], new Float64()),
      lng: vectorFromArray([-87.63, -87.631], new Float64()),
    }),
    'incidents.arrow',
  );

describe('isPanelInput', () => {
  it('isPanelInput(sources) is true for panel files only, false for incident files only', () => {
    expect(isPanelInput([panelSource(), panelSource()])).toBe(true);
    expect(isPanelInput([incidentSource()])).toBe(false);
  });

  it('isPanelInput(sources) refuses a mix, naming the panel file', () => {
    expect(() => isPanelInput([incidentSource(), panelSource()])).toThrow(
      'panel.arrow is a pre-binned panel file(s) and cannot be loaded together with incident files',
    );
  });
});

describe('report data', () => {
  it('panelReportData(sources, sha256, report) reports used rows as kept and only the drop reasons that occurred', () => {
    const report: PanelFileReport = {
      read: 10,
      used: 7,
      dropped: { 'cell-null': 2, 'cell-invalid': 0, 'period-null': 1, 'count-invalid': 0 },
      duplicates: 1,
      warnings: [],
    };
    const source = panelSource();
    expect(panelReportData([source], 'ab', report)).toEqual({
      kind: 'panel',
      files: [{ name: 'panel.arrow', bytes: source.bytes, rows: 3 }],
      sha256: 'ab',
      rows: { read: 10, kept: 7, dropped: { 'cell-null': 2, 'period-null': 1 } },
    });
  });

  it('incidentsReportData(sources, sha256, rows, mapping, binning, warnings) keeps the load accounting, the mapping, the binning report and the warnings', () => {
    const dropped = { ...emptyDropCounts(), 'location-null': 1 };
    const rows: LoadReport = { files: [], read: 3, kept: 2, dropped, examples: [], warnings: ['w'] };
    const binning: BinReport = { input: 2, binned: 2, trimmedFirst: 0, trimmedLast: 0, notes: [] };
    const mapping = { time: { column: 'time' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' }, category: null };
    const source = incidentSource();
    expect(incidentsReportData([source], 'cd', rows, mapping, binning, ['zone', 'w'])).toEqual({
      kind: 'incidents',
      files: [{ name: 'incidents.arrow', bytes: source.bytes, rows: 2 }],
      sha256: 'cd',
      rows: { read: 3, kept: 2, dropped },
      mapping,
      binning,
      warnings: ['zone', 'w'],
    });
    expect(incidentsReportData([source], 'cd', rows, mapping, binning, [])).not.toHaveProperty('warnings');
  });
});

describe('preparePanel', () => {
  it('preparePanel(panel file) reads the panel densely and reports its rows as data of kind panel', () => {
    const prepared = preparePanel([panelSource()], 'ef', {});
    expect(Array.from(prepared.panel.counts)).toEqual([1, 0, 2]);
    expect(prepared.panel.bucket.unit).toBe('day');
    expect(prepared.data).toMatchObject({ kind: 'panel', sha256: 'ef', rows: { read: 3, kept: 2, dropped: { 'cell-null': 1 } } });
    expect(prepared.incidents).toBeUndefined();
  });

  it('preparePanel(panel file) keeps the panel load report warnings in its data; a file without any gives no field', () => {
    const repeated = readArrow(
      arrowTableBytes({
        cell: vectorFromArray([CELL, CELL, CELL], new Dictionary(new Utf8(), new Int32())),
        period: vectorFromArray([0, DAY, 0], new TimestampMillisecond()),
        count: vectorFromArray([1, 2, 4], new Float64()),
      }),
      'repeated.arrow',
    );
    const prepared = preparePanel([repeated], 'ab', {});
    expect(Array.from(prepared.panel.counts)).toEqual([5, 2]);
    expect(prepared.data.warnings).toEqual(['1 rows repeated a (cell, period) pair; their counts were added together']);
    expect(preparePanel([panelSource()], 'ef', {}).data).not.toHaveProperty('warnings');
  });

  it('preparePanel(incident files) without a mapping says what is missing', () => {
    expect(() => preparePanel([incidentSource()], 'x', {})).toThrow('a column mapping is needed to load incident files');
  });
});
