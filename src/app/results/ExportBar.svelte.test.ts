import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../lib/evaluate/report';
import type { Workbench } from '../state/workbench.svelte';
import ExportBar from './ExportBar.svelte';

const downloads = vi.hoisted(() => vi.fn<(name: string, blob: Blob) => void>());
vi.mock('../download', () => ({ downloadBlob: downloads }));
vi.mock('../../lib/evaluate/report-markdown', () => ({
  reportMarkdown: () => {
    const lines = ['# Hexcast report', ''];
    lines.push(...['naive', 'kde'].map((model) => `- ${model}`));
    throw new Error('no verdict to render for 0 folds'); // midway: after the first lines
  },
}));

/** Enough of a report for the bar; `models` holds a value whose JSON fails midway when `broken`. */
function report(broken = false): Report {
  return {
    createdAt: '2026-12-04T18:00:00.000Z',
    panel: { clock: 'wall' },
    models: [
      { name: 'naive' },
      broken
        ? {
            toJSON: () => {
              throw new Error('a metric of kde is not serialisable');
            },
          }
        : { name: 'kde' },
    ],
  } as unknown as Report;
}

const bench = (forecastsFile: () => Promise<ArrayBuffer>) => ({ results: { forecastsFile }, leakage: { lab: null } }) as unknown as Workbench;

describe('ExportBar', () => {
  beforeEach(() => downloads.mockClear());

  it('Report (JSON) downloads the whole report with a final newline, as the CLI writes it', async () => {
    render(ExportBar, { bench: bench(() => Promise.resolve(new ArrayBuffer(0))), report: report() });
    await fireEvent.click(screen.getByRole('button', { name: 'Report (JSON)' }));
    await vi.waitFor(() => expect(downloads).toHaveBeenCalledTimes(1));
    const [name, blob] = downloads.mock.calls[0];
    expect(name).toBe('hexcast-report-2026-12-04-18-00-00.json');
    expect(await blob.text()).toBe(`${JSON.stringify(report(), null, 2)}\n`);
  });

  it.each([
    ['Report (JSON)', () => report(true), 'The report (JSON) could not be exported: a metric of kde is not serialisable. Nothing was downloaded.'],
    ['Report (Markdown)', () => report(), 'The report (Markdown) could not be exported: no verdict to render for 0 folds. Nothing was downloaded.'],
  ])('%s failing midway downloads nothing and says why', async (button, make, message) => {
    render(ExportBar, { bench: bench(() => Promise.resolve(new ArrayBuffer(8))), report: make() });
    await fireEvent.click(screen.getByRole('button', { name: button }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(downloads).not.toHaveBeenCalled();
  });

  it('the forecasts file failing in the worker downloads nothing and says why', async () => {
    render(ExportBar, { bench: bench(() => Promise.reject(new Error('The worker stopped'))), report: report() });
    await fireEvent.click(screen.getByRole('button', { name: 'Forecasts (Arrow)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The forecasts file could not be exported: The worker stopped. Nothing was downloaded.');
    expect(downloads).not.toHaveBeenCalled();
  });
});
