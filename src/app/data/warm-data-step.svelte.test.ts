import { describe, expect, it } from 'vitest';
import { warmDataStep } from './warm-data-step';

describe('warmDataStep', () => {
  it('draws the Data step detached: the page is left as it was, with no time-zone list or form added', () => {
    document.body.innerHTML = '<main id="app"><p>kept</p></main>';
    warmDataStep();
    expect(document.body.innerHTML).toBe('<main id="app"><p>kept</p></main>');
    expect(document.getElementById('map-time')).toBeNull();
  });
});
