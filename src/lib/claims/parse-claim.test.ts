import { describe, expect, test } from 'vitest';
import { CLAIM_EXAMPLES } from './claim-examples';
import { parseClaim } from './parse-claim';

type Row = [text: string, kind: string, metric: string | null, value: number | null, coverage: number | null, bound?: string];

describe('parseClaim', () => {
  test.each<Row>([
    // capture: X % of incidents in Y % of the area
    ['captures 40 % of incidents in 3 % of the area', 'capture', 'hitRate', 0.4, 0.03],
    ['Our AI predicts 40% of crimes in 3% of the city', 'capture', 'hitRate', 0.4, 0.03],
    ['identifies 20 percent of burglaries within just 5 percent of the city', 'capture', 'hitRate', 0.2, 0.05],
    ['flags areas holding 25 per cent of all violent crime in only 1 per cent of the land', 'capture', 'hitRate', 0.25, 0.01],
    ['captured 12,5 % of incidents on 2,5 % of the map', 'capture', 'hitRate', 0.125, 0.025],
    ['5% of the city accounts for 50% of crime', 'capture', 'hitRate', 0.5, 0.05],
    ['3 % of street segments see about 50 % of crime', 'capture', 'hitRate', 0.5, 0.03],
    ['more than 30 % of shootings in 2 % of the area', 'capture', 'hitRate', 0.3, 0.02, 'over'],
    // PAI
    ['PAI of 12 at 5 %', 'pai', 'pai', 12, 0.05],
    ['a predictive accuracy index of 4.5 in the top 1% of cells', 'pai', 'pai', 4.5, 0.01],
    ['PAI = 3.2', 'pai', 'pai', 3.2, null],
    ['our model reached a PAI above 20 when flagging 0.5% of the city', 'pai', 'pai', 20, 0.005, 'over'],
    // N times better than random
    ['10 times better than random', 'random-multiple', 'pai', 10, null],
    ['10x better than random patrols at 5 % of the area', 'random-multiple', 'pai', 10, 0.05],
    ['twice as accurate as chance', 'random-multiple', 'pai', 2, null],
    ['3-fold more effective than randomly chosen places', 'random-multiple', 'pai', 3, null],
    // … than hotspot maps
    ['twice as much crime as existing best practice', 'hotspot-multiple', 'hotspotRatio', 2, null],
    ['predicts 1.5 times more crime than hotspot maps', 'hotspot-multiple', 'hotspotRatio', 1.5, null],
    ['two times better than trained crime analysts', 'hotspot-multiple', 'hotspotRatio', 2, null],
    ['3 times as accurate as traditional hot spot mapping', 'hotspot-multiple', 'hotspotRatio', 3, null],
    ["PredPol's predictions are twice as accurate as those made by vet cops", 'hotspot-multiple', 'hotspotRatio', 2, null],
    ['ETAS models predict 2.2 times as much crime compared to a dedicated crime analyst', 'hotspot-multiple', 'hotspotRatio', 2.2, null],
    ['ShotSpotter has a 97% accuracy rate, including a 0.5% false positive rate', 'accuracy', null, 0.97, null],
    // accuracy of what?
    ['90 % accurate', 'accuracy', null, 0.9, null],
    ['an accuracy of 95%', 'accuracy', null, 0.95, null],
    ['accurate 80 percent of the time', 'accuracy', null, 0.8, null],
    ['the system is 99% accurate at 1 % of the city', 'accuracy', null, 0.99, 0.01],
    // success rate of predictions
    ['under 0.5 % of predictions were followed by a crime', 'success-rate', 'precision', 0.005, null, 'under'],
    ['fewer than 0.5 percent of the predictions matched a reported crime', 'success-rate', 'precision', 0.005, null, 'under'],
    ['success rate: 0.4 %', 'success-rate', 'precision', 0.004, null],
    ['a success rate below 0.5 %', 'success-rate', 'precision', 0.005, null, 'under'],
    ['about 10% of its predictions came true', 'success-rate', 'precision', 0.1, null, 'about'],
    ['a 2 % success rate', 'success-rate', 'precision', 0.02, null],
    // no figures at all
    ['predict future crimes', 'unquantified', null, null, null],
    ['Utilizar algoritmos de aprendizaje automático para predecir futuros delitos', 'unquantified', null, null, null],
  ])('parseClaim(%j) → %s, %s, value %d, coverage %d', (text, kind, metric, value, coverage, bound = 'about') => {
    const claim = parseClaim(text);
    expect([claim.kind, claim.metric]).toEqual([kind, metric]);
    if (value === null) expect(claim.value).toBeNull();
    else expect(claim.value).toBeCloseTo(value, 12);
    if (coverage === null) expect(claim.coverage).toBeNull();
    else expect(claim.coverage).toBeCloseTo(coverage, 12);
    expect(claim.bound).toBe(bound);
    expect(claim.text).toBe(text);
  });

  test('parseClaim(…) refuses a text longer than 2,000 characters (a pasted document), naming its length', () => {
    expect(() => parseClaim(`captures 40 % of incidents in 3 % of the area ${'x'.repeat(2_000)}`)).toThrow(
      'the claim is 2,046 characters long: the checker reads at most 2,000 (a sentence or two)',
    );
  });

  test.each(['our software is great', 'reduces crime by 20 %', '', 'PAI'])('parseClaim(%j) lists the forms in its error', (text) => {
    let error: unknown;
    try {
      parseClaim(text);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'claim-unrecognised', field: 'claim' });
    expect((error as Error).message).toMatch(/matches none of the forms/);
    expect((error as Error).message).toContain('"captures 40 % of incidents in 3 % of the area" (hit rate at that coverage)');
    expect((error as Error).message).toContain('"under 0.5 % of predictions were followed by a crime"');
  });

  test.each([
    ['captures 140 % of incidents in 3 % of the area', /a share of 140 %, above 100 %/],
    ['captures 40 % of incidents in 0 % of the area', /an area of 0 %/],
    ['PAI of 3 at 150 %', /an area of 150 %/],
  ])('parseClaim(%j) rejects a figure out of range', (text, message) => {
    expect(() => parseClaim(text)).toThrow(message);
    expect(() => parseClaim(text)).toThrow(expect.objectContaining({ code: 'claim-invalid' }));
  });
});

describe('CLAIM_EXAMPLES', () => {
  test.each(CLAIM_EXAMPLES.map((e) => [e.id, e]))('the shipped example %s parses, and cites a source with its quote', (_, example) => {
    const claim = parseClaim(example.text);
    expect(claim.text).toBe(example.text);
    if (example.status !== 'illustrative') {
      expect(example.source.quote.length).toBeGreaterThan(20);
      expect(example.source.url).toMatch(/^https?:\/\//);
    }
  });

  test('the examples are read as the forms they are', () => {
    expect(CLAIM_EXAMPLES.map((e) => [e.id, parseClaim(e.text).kind])).toEqual([
      ['markup-plainfield', 'success-rate'],
      ['predpol-vet-cops', 'hotspot-multiple'],
      ['mohler-2015', 'hotspot-multiple'],
      ['shotspotter-97', 'accuracy'],
      ['argentina-710-2024', 'unquantified'],
      ['illustrative-40-in-3', 'capture'],
    ]);
  });
});
