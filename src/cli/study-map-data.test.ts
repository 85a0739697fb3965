import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/sample-report';
import { renderReportHtml } from '../app/report/render-report-html';
import { cellOf, diskOf } from '../lib/grid/h3';
import type { Panel } from '../lib/grid/panel';
import { studyMapOfPanel } from './study-map-data';

describe('studyMapOfPanel', () => {
  it("draws a Chicago panel over Natural Earth land with GeoNames names, and the HTML report carries it as one inline SVG with the sources' credit", async () => {
    // 1 + 6 + 12 = 19 res-8 cells around the Loop, 2 periods; incidents in the centre cell only (3 + 2).
    const centre = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
    const cells = diskOf({ cell: centre, k: 2 }).flat().sort();
    const C = cells.length;
    const counts = new Float32Array(2 * C);
    counts[cells.indexOf(centre)] = 3;
    counts[C + cells.indexOf(centre)] = 2;
    const panel = { res: 8, cells, area: new Float64Array(C).fill(1), counts, periods: Float64Array.from([0, 1]), end: 2 } as unknown as Panel;
    const region = { mask: new Uint8Array(C).fill(1), cells: C, area: C, source: 'history' as const };
    const map = studyMapOfPanel(panel, region, 0.05, '2018-01-01 – 2018-01-08');
    expect(C).toBe(1 + 6 + 12);
    expect(map.cells.filter((c) => c.kind === 0)).toHaveLength(1); // 5 % of 19 cells → the one cell with incidents
    expect(map.cells.filter((c) => c.kind === 2)).toHaveLength(C - 1);
    expect(map.land).toMatch(/^M/);
    expect(map.labels.map((l) => l.name)).toEqual(['Near North Side', 'Chicago Loop']); // GeoNames sections (PPLX) of the city, most populous first

    const html = renderReportHtml(await sampleReport(), undefined, map);
    expect(html).toContain('<h2>Study region and hotspots</h2>');
    expect(html).toContain('aria-label="Map of the study region and its hotspots"');
    expect(html).toContain('Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0)');
    expect(html).toContain('>Chicago Loop</text>');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toMatch(/<(img|image|use|script)(?![^>]*type="application\/json")/);
  });
});
