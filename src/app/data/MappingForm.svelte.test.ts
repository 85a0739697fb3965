import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ColumnMapping } from '../../lib/io/column-mapping';
import type { OpenResult } from '../../lib/worker/protocol';
import MappingForm from './MappingForm.svelte';

// The picker's registry, three entries of the real one (the real registry's search: search-crs.test.ts).
vi.mock('../../lib/io/epsg-registry', () => {
  const entry = (code: number, name: string, area: string) => ({ code, name, area, kind: 'CRS-PROJCRS', proj4: '', bbox: null, accuracy: null, base: null });
  const entries = [
    entry(2083, 'Hito XVIII 1963 / Argentina 2', "Argentina - Tierra del Fuego onshore west of 67°30'W."),
    entry(2913, 'NAD83(HARN) / Oregon North (ft)', 'United States (USA) - Oregon - counties of Baker; Benton; …'),
    entry(5348, 'POSGAR 2007 / Argentina 6', "Argentina - between 58°30'W and 55°30'W, onshore."),
  ];
  return { loadEpsgRegistry: () => Promise.resolve({ entries, byCode: new Map(entries.map((e) => [e.code, e])) }) };
});

const opened = {
  sources: [
    {
      name: 'portland.arrow',
      bytes: 1,
      rows: 2,
      format: 'file',
      sha256: '0'.repeat(64),
      columns: [
        { name: 'occ_date', type: 'Date32<DAY>' },
        { name: 'category', type: 'Dictionary<Int32, Utf8>' },
        { name: 'x_coordinate', type: 'Float64' },
        { name: 'y_coordinate', type: 'Float64' },
      ],
    },
  ],
  sha256: '0'.repeat(64),
  preview: { columns: [], rows: [] },
  suggestion: {
    mapping: null,
    time: [{ mapping: { column: 'occ_date', encoding: 'auto' }, clock: 'wall', score: 4, reason: 'a date column' }],
    location: [{ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: null, score: 4, reason: 'values look projected' }],
    category: [{ column: 'category', distinct: 2, score: 5, reason: 'a dictionary' }],
    missing: ['a CRS for x/y'],
  },
  ms: 1,
} as unknown as OpenResult;

describe('MappingForm', () => {
  it('offers the numeric columns as coordinates, then the text ones marked (text): a CSV latitude with an N/A in it is text', () => {
    render(MappingForm, { props: { opened, mapping: null, error: null, onapply: vi.fn() } });
    const x = screen.getByLabelText('x (easting)') as HTMLSelectElement;
    expect(Array.from(x.options, (option) => [option.value, option.textContent])).toEqual([
      ['x_coordinate', 'x_coordinate'],
      ['y_coordinate', 'y_coordinate'],
      ['category', 'category (text)'],
    ]);
  });

  it('starts from the suggestion, says what is missing, and refuses x/y without a CRS next to the CRS field', async () => {
    const onapply = vi.fn();
    render(MappingForm, { props: { opened, mapping: null, error: null, onapply } });
    expect(screen.getByText('Still needed: a CRS for x/y.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Projected x / y' }).getAttribute('aria-pressed')).toBe('true');
    const crs = screen.getByLabelText('CRS (EPSG code, name, proj4 or WKT)') as HTMLInputElement;
    await fireEvent.change(crs, { target: { value: '' } });
    expect(onapply).not.toHaveBeenCalled();
    expect(document.getElementById('map-crs-error')?.textContent).toMatch(/^Projected x\/y need a CRS/);
    expect(crs.getAttribute('aria-describedby')).toBe('map-crs-error');
    await fireEvent.input(crs, { target: { value: 'EPSG:2913' } });
    await fireEvent.change(crs);
    expect(onapply).toHaveBeenLastCalledWith({
      time: { column: 'occ_date', encoding: 'auto' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    } satisfies ColumnMapping);
  });

  it('searches the EPSG registry by place name: typing "Argentina" lists POSGAR 2007 / Argentina 6, and picking it applies EPSG:5348', async () => {
    const onapply = vi.fn();
    render(MappingForm, { props: { opened, mapping: null, error: null, onapply } });
    const crs = screen.getByLabelText('CRS (EPSG code, name, proj4 or WKT)') as HTMLInputElement;
    await fireEvent.input(crs, { target: { value: 'Argentina 6' } });
    const pick = await screen.findByRole('button', { name: /^EPSG:5348\s*POSGAR 2007 \/ Argentina 6\s*— Argentina - between 58°30'W and 55°30'W, onshore\.$/ });
    expect(screen.getAllByRole('button', { name: /^EPSG:/ }).map((b) => b.querySelector('strong')?.textContent)).toEqual(['EPSG:5348', 'EPSG:2083']);
    await fireEvent.click(pick);
    expect(onapply).toHaveBeenLastCalledWith(expect.objectContaining({ location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:5348' } }));
  });

  it('shows a load error under the control it concerns', () => {
    const mapping: ColumnMapping = {
      time: { column: 'category' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    };
    render(MappingForm, { props: { opened, mapping, error: { field: 'time', message: 'No rows kept: check the time column.' }, onapply: () => {} } });
    const time = screen.getByLabelText('Column', { selector: '#map-time' });
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(time.getAttribute('aria-describedby')).toBe('map-time-error');
    expect(document.getElementById('map-time-error')?.textContent).toBe('No rows kept: check the time column.');
    expect(document.getElementById('map-crs')?.getAttribute('aria-invalid')).toBeNull();
  });

  it("says where the zone in force comes from: the file's metadata, then the user's choice", async () => {
    const declared = { value: 'America/Los_Angeles', source: "schema metadata 'occ_date'" };
    const zoned = {
      ...opened,
      suggestion: {
        ...opened.suggestion,
        time: [{ ...opened.suggestion.time[0], reason: `a date column; zone America/Los_Angeles from ${declared.source}`, declaredZone: declared }],
      },
    } as OpenResult;
    const mapping = (timeZone: string): ColumnMapping => ({
      time: { column: 'occ_date', encoding: 'auto', timeZone },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    });
    const view = render(MappingForm, { props: { opened: zoned, mapping: mapping('America/Los_Angeles'), error: null, onapply: () => {} } });
    const hint = (): string | undefined => document.getElementById('map-time-help')?.textContent ?? undefined;
    expect(hint()).toBe("a date column; zone America/Los_Angeles from schema metadata 'occ_date'");
    await view.rerender({ opened: zoned, mapping: mapping('America/New_York'), error: null, onapply: () => {} });
    expect(hint()).toBe("a date column; zone America/New_York, as you set it (the file declares America/Los_Angeles in schema metadata 'occ_date')");
  });

  it('declares the clock: zone-less times read as UTC instants', async () => {
    const onapply = vi.fn();
    const mapping: ColumnMapping = {
      time: { column: 'occ_date' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    };
    render(MappingForm, { props: { opened, mapping, error: null, onapply } });
    const clock = screen.getByLabelText('Clock') as HTMLSelectElement;
    expect(clock.value).toBe('');
    expect(clock.getAttribute('aria-describedby')).toBe('map-clock-help');
    expect(document.getElementById('map-clock-help')?.textContent).toBe('Override when an export stores UTC times without a zone');
    await fireEvent.change(clock, { target: { value: 'instant' } });
    expect(onapply).toHaveBeenLastCalledWith({ ...mapping, time: { column: 'occ_date', encoding: 'auto', clock: 'instant' } });
  });

  it('asks for duplicate rows to be dropped, and keeps the choice when the mapping comes back', async () => {
    const onapply = vi.fn();
    const mapping: ColumnMapping = {
      time: { column: 'occ_date', encoding: 'auto' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    };
    const { unmount } = render(MappingForm, { props: { opened, mapping, error: null, onapply } });
    await fireEvent.click(screen.getByLabelText(/^Drop duplicate rows/));
    expect(onapply).toHaveBeenLastCalledWith({ ...mapping, duplicates: 'drop' });
    unmount();
    render(MappingForm, { props: { opened, mapping: { ...mapping, duplicates: 'drop' }, error: null, onapply } });
    expect((screen.getByLabelText(/^Drop duplicate rows/) as HTMLInputElement).checked).toBe(true);
  });
});

describe('MappingForm: the Epoch unit field the time-unit error names', () => {
  /** A file whose time column is a Timestamp[ms] (holding epoch seconds: the load refuses it, 'time-unit-implausible'). */
  const timestamped = {
    ...opened,
    sources: [
      {
        ...opened.sources[0],
        columns: [
          { name: 'time', type: 'Timestamp<MILLISECOND>' },
          { name: 'lat', type: 'Float64' },
          { name: 'lng', type: 'Float64' },
        ],
      },
    ],
    suggestion: {
      mapping: { time: { column: 'time', encoding: 'auto' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: null },
      time: [{ mapping: { column: 'time', encoding: 'auto' }, clock: 'instant', score: 4, reason: 'a timestamp' }],
      location: [{ kind: 'latlng', lat: 'lat', lng: 'lng', score: 4, reason: 'named' }],
      category: [],
      missing: [],
    },
  } as unknown as OpenResult;

  it('is there for a Timestamp column with the default encoding, under the error, and declaring s applies unit s (which the decode honours)', async () => {
    const onapply = vi.fn();
    const message = "time column 'time' …: declare the unit s in the Epoch unit field of the column mapping (mapping.time.unit)";
    render(MappingForm, { props: { opened: timestamped, mapping: timestamped.suggestion.mapping, error: { field: 'time', message }, onapply } });
    expect(document.getElementById('map-time-error')?.textContent).toBe(message);
    const unit = screen.getByLabelText('Epoch unit') as HTMLSelectElement;
    expect(unit.id).toBe('map-unit');
    expect(unit.options[0].textContent).toBe('as the type says');
    await fireEvent.change(unit, { target: { value: 's' } });
    expect(onapply).toHaveBeenLastCalledWith(expect.objectContaining({ time: { column: 'time', encoding: 'auto', unit: 's' } }));
  });

  it('is not there for a Date column (no unit applies to days)', () => {
    render(MappingForm, { props: { opened, mapping: null, error: null, onapply: () => {} } });
    expect(document.getElementById('map-unit')).toBeNull();
  });
});

describe('MappingForm: ranked CRS suggestions (issue #15)', () => {
  const placement = (lat: number, lng: number) => ({ points: 120, inside: 1, onLand: 1, centre: { lat, lng }, extentKm: 16, cityLike: true, plausible: true });
  const withCandidates = {
    ...opened,
    crsCandidates: [
      {
        code: 3157,
        name: 'NAD83(CSRS) / UTM zone 10N',
        area: 'Canada',
        placement: placement(49.25, -123.11),
        score: 1,
        people: 1e6,
        sameAs: [26910, 32610, 26710, 32210],
      },
      { code: 3857, name: 'WGS 84 / Pseudo-Mercator', area: 'World', placement: placement(43.94, 4.42), score: 1, people: 1e5, sameAs: [] },
    ],
  } as unknown as OpenResult;
  const misplaced =
    'EPSG:2913 (NAD83(HARN) / Oregon North (ft)) puts the points around 53.74° N, 156.92° W: 100 % outside its area of use (…), 100 % in open sea; the CRS is probably wrong';

  it('lists the best CRSs with their names while no CRS is set, and picking one applies it', async () => {
    const onapply = vi.fn();
    render(MappingForm, { props: { opened: withCandidates, mapping: null, error: null, onapply } });
    const first = screen.getByRole('button', { name: /EPSG:3157 NAD83\(CSRS\) \/ UTM zone 10N/ });
    expect(first.textContent).toMatch(
      /100 % in its area of use, 100 % on land, around 49\.25° N, 123\.11° W; same place: EPSG:26910, EPSG:32610, EPSG:26710 and 1 more/,
    );
    await fireEvent.click(first);
    expect(onapply.mock.lastCall?.[0].location).toEqual({ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:3157' });
  });

  it('keeps the suggestions open, with the warning, while the CRS set misplaces the points, and clears them once a plausible one is set', async () => {
    const mapping = (crs: string): ColumnMapping => ({
      time: { column: 'occ_date' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs },
      category: null,
    });
    const view = render(MappingForm, {
      props: { opened: withCandidates, mapping: mapping('EPSG:2913'), error: null, warnings: [misplaced], onapply: vi.fn() },
    });
    expect(screen.getByRole('alert').textContent).toBe(misplaced);
    expect(screen.getByRole('button', { name: /EPSG:3157/ })).toBeTruthy();
    await view.rerender({ opened: withCandidates, mapping: mapping('EPSG:32610'), error: null, warnings: [], onapply: vi.fn() });
    expect(screen.queryByRole('button', { name: /EPSG:3157/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('MappingForm: the note under the location fields', () => {
  const asking =
    "'x_coordinate'/'y_coordinate': values look projected (x 7.6e6–7.7e6, y 6.5e5–7.3e5): declare their CRS (an EPSG code, a proj4 string or WKT; " +
    'the CRSs that put these points on land inside their area of use are ranked for you)';
  const projected = {
    ...opened,
    suggestion: { ...opened.suggestion, location: [{ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: null, score: 4, reason: asking }] },
  } as unknown as OpenResult;
  const note = (): string | undefined => document.getElementById('map-location-note')?.textContent?.trim();

  it('asks for a CRS while the field is empty, a search or refused, how to apply one typed, and says it is read in only once applied', async () => {
    const view = render(MappingForm, { props: { opened: projected, mapping: null, error: null, onapply: vi.fn() } });
    const crs = screen.getByLabelText('CRS (EPSG code, name, proj4 or WKT)') as HTMLInputElement;
    expect(note()).toBe(asking);
    await fireEvent.input(crs, { target: { value: 'Oregon North' } }); // a search in the registry, not a CRS yet
    expect(note()).toBe(asking);
    const given = (text: string): string => `'x_coordinate'/'y_coordinate': projected x/y; CRS ${text} given: press Enter or pick it to read the x/y in it`;
    await fireEvent.input(crs, { target: { value: '+pr' } }); // half typed: nothing is read in it
    expect(note()).toBe(given('+pr'));
    await fireEvent.input(crs, { target: { value: 'EPSG:2913 ' } }); // typed, the suggestion list still open, not applied
    expect(note()).toBe(given('EPSG:2913'));
    await fireEvent.input(crs, { target: { value: '+proj=lcc +lat_1=46 +units=ft' } });
    expect(note()).toBe(given('+proj=lcc +lat_1=46 +units=ft'));

    const mapping = (code: string): ColumnMapping => ({
      time: { column: 'occ_date' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: code },
      category: 'category',
    });
    await view.rerender({ opened: projected, mapping: mapping('EPSG:2913'), error: null, onapply: vi.fn() });
    expect(note()).toBe("'x_coordinate'/'y_coordinate': projected x/y, read in EPSG:2913");
    await fireEvent.input(crs, { target: { value: 'EPSG:9999' } }); // another code typed over the applied one: not read in yet
    expect(note()).toBe(given('EPSG:9999'));
    // A code the load refused: the field is invalid, so the note asks again.
    const refused = { field: 'crs' as const, message: "unknown CRS 'EPSG:9999'" };
    await view.rerender({ opened: projected, mapping: mapping('EPSG:9999'), error: refused, onapply: vi.fn() });
    expect(document.getElementById('map-crs-error')?.textContent).toBe("unknown CRS 'EPSG:9999'");
    expect(note()).toBe(asking);
  });

  it("keeps a detection's note that asks for nothing (a CRS from the file's metadata)", () => {
    const declared = "'x'/'y': values look projected (x 1e5–2e5, y 1e5–2e5); CRS EPSG:3435 from schema metadata 'x'";
    const fromFile = {
      ...opened,
      suggestion: { ...opened.suggestion, location: [{ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:3435', score: 4, reason: declared }] },
    } as unknown as OpenResult;
    render(MappingForm, { props: { opened: fromFile, mapping: null, error: null, onapply: vi.fn() } });
    expect(note()).toBe(declared);
  });
});
