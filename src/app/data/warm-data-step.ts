import { mount, unmount } from 'svelte';
import type { OpenResult } from '../../lib/worker/protocol';
import FilesTable from './FilesTable.svelte';
import MappingForm from './MappingForm.svelte';
import PreviewTable from './PreviewTable.svelte';

/** A made-up file's columns and their Arrow types: one of each kind the mapping form lists for lat/lng data. */
const COLUMNS = { t: 'Timestamp<MILLISECOND>', lat: 'Float64', lng: 'Float64', kind: 'Utf8' };

/** A made-up opened file: enough for every template the mapping form, files table and preview draw for lat/lng data. */
const SAMPLE: OpenResult = {
  kind: 'incidents',
  sources: [
    { name: 'warm.arrow', bytes: 1, rows: 1, format: 'file', sha256: '0'.repeat(64), columns: Object.entries(COLUMNS).map(([name, type]) => ({ name, type })) },
  ],
  sha256: '0'.repeat(64),
  generation: 0,
  preview: { columns: Object.keys(COLUMNS), rows: [{ t: '2014-01-01T00:00:00.000', lat: '41.9', lng: '-87.6', kind: 'null' }] },
  suggestion: { mapping: null, time: [], location: [], category: [], place: [], missing: [] },
  crsCandidates: null,
  ms: 0,
};

/**
 * Draws the Data step's files table, column mapping and preview once into a detached element and
 * removes them: Svelte parses each template (an `innerHTML`) the first time it is drawn, and on a
 * page opened from a link, the first file's open drew them all in one task (~20 ms of CPU of the
 * 50–55 ms that task took for Chicago, issue 14). Call it while the page is idle; it changes
 * nothing on the page.
 */
export function warmDataStep(): void {
  const target = document.createElement('div');
  const mapping = { time: { column: 't', encoding: 'auto' as const }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' }, category: 'kind' };
  const drawn = [
    mount(FilesTable, { target, props: { sources: SAMPLE.sources } }),
    mount(MappingForm, { target, props: { opened: SAMPLE, mapping, error: null, onapply: () => {} } }),
    mount(PreviewTable, { target, props: { preview: SAMPLE.preview } }),
  ];
  for (const component of drawn) void unmount(component);
}
