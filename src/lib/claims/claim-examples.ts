/** A public claim shipped as an example, with where it was stated and how it was checked against that source. */
export interface ClaimExample {
  readonly id: string;
  /** Who made it, in a few words (the picker's label). */
  readonly label: string;
  /** The claim as the checker reads it (close to the source's words; `note` says where it differs). */
  readonly text: string;
  readonly source: { readonly title: string; readonly url: string; readonly date: string; readonly quote: string };
  /** 'confirmed': the quote was found in the source or a verbatim reprint of it; 'illustrative': not a public claim. */
  readonly status: 'confirmed' | 'unconfirmed' | 'illustrative';
  /** What the claim is about, and how the checker's reading of it differs from the source. */
  readonly note: string;
}

/**
 * Public claims about crime prediction, each with its source and quote, checked against the
 * source's text (or a verbatim reprint of it) before shipping: the picker's examples. Checked
 * 2026-12-04; the `note` of each says what was found and where.
 * @example CLAIM_EXAMPLES.find((e) => e.id === 'markup-plainfield')!.text // → 'under 0.5 % of predictions were followed by a crime'
 */
export const CLAIM_EXAMPLES: readonly ClaimExample[] = [
  {
    id: 'markup-plainfield',
    label: 'The Markup / Wired on Geolitica (PredPol) in Plainfield, 2023',
    text: 'under 0.5 % of predictions were followed by a crime',
    source: {
      title: 'Aaron Sankin & Surya Mattu, "Predictive Policing Software Terrible at Predicting Crimes", The Markup (co-published with Wired), 2 October 2023',
      url: 'https://themarkup.org/prediction-bias/2023/10/02/predictive-policing-software-terrible-at-predicting-crimes',
      date: '2023-10-02',
      quote:
        'In the end, the success rate was less than half a percent. Fewer than 100 of the predictions lined up with a crime in the predicted category, that was also later reported to police.',
    },
    status: 'confirmed',
    note: "A measurement, not a vendor's claim: 23,631 predictions (500-foot boxes per shift) from 25 Feb to 18 Dec 2018, a hit only for a reported crime of the predicted type. The quote was found in verbatim reprints of the article (Northeastern CSSH, pogowasright.org); the shared data folder holds the Plainfield reports it was computed from. Read here as precision of flagged cell-periods: the cells and periods are H3 cells and your bucket, not 500-foot boxes and shifts.",
  },
  {
    id: 'predpol-vet-cops',
    label: 'PredPol, in its pitch to the San Francisco police, 2012–2013',
    text: "PredPol's predictions are twice as accurate as those made by vet cops",
    source: {
      title: '"All Tomorrow\'s Crimes: The Future of Policing Looks a Lot Like Good Branding", SF Weekly, 30 October 2013',
      url: 'http://www.sfweekly.com/2013-10-30/news/predpol-sfpd-predictive-policing-compstat-lapd/full/',
      date: '2013-10-30',
      quote: 'Affixed to [Donnie] Fowler\'s e-mail signature was the claim that PredPol\'s predictions are "twice as accurate as those made by vet cops..."',
    },
    status: 'confirmed',
    note: 'Found in the SF Weekly article and Techdirt\'s account of it. "Vet cops" are read as a hotspot map (the KDE baseline): the hit rate at the same area, divided by the KDE map\'s; the area is not stated.',
  },
  {
    id: 'mohler-2015',
    label: "PredPol's founders' field trial (Mohler et al. 2015)",
    text: 'ETAS models predict 2.2 times as much crime compared to a dedicated crime analyst',
    source: {
      title:
        'G. O. Mohler, M. B. Short, S. Malinowski, M. Johnson, G. E. Tita, A. L. Bertozzi & P. J. Brantingham, "Randomized controlled field trials of predictive policing", Journal of the American Statistical Association (2015)',
      url: 'https://doi.org/10.1080/01621459.2015.1077710',
      date: '2015',
      quote:
        'Our results show that ETAS models predict 1.4–2.2 times as much crime compared to a dedicated crime analyst using existing criminal intelligence and hotspot mapping practice.',
    },
    status: 'confirmed',
    note: "The abstract's words, found in several copies of the paper (the DOI link was not fetched). The example takes the upper end of the published range 1.4–2.2; the analyst's hotspot maps are read as the KDE baseline. The area flagged is not in the sentence, so the checker tries several.",
  },
  {
    id: 'shotspotter-97',
    label: 'ShotSpotter (SoundThinking), on its own website',
    text: 'ShotSpotter has a 97% accuracy rate',
    source: {
      title: 'ShotSpotter, "ShotSpotter Responds to False Claims"',
      url: 'https://www.shotspotter.com/shotspotter-responds-to-false-claims/',
      date: 'undated page (it cites events of March 2022)',
      quote:
        'ShotSpotter has a 97% accuracy rate, including a 0.5% false positive rate, for real-time detections across all customers over the last two years. This was derived directly from police department reporting to ShotSpotter',
    },
    status: 'confirmed',
    note: 'Found on the company page. It is about detecting gunfire, not forecasting it, and rests on what police reported back: read as a forecast claim it shows how little "accurate" fixes — hit rate, precision, classification accuracy and AUC give very different numbers, and flagging nothing already scores near 100 % classification accuracy on sparse data.',
  },
  {
    id: 'argentina-710-2024',
    label: 'Argentina, Ministerio de Seguridad, Resolución 710/2024',
    text: 'Utilizar algoritmos de aprendizaje automático a fin de analizar datos históricos de crímenes y de ese modo predecir futuros delitos y ayudar a prevenirlos',
    source: {
      title:
        'Ministerio de Seguridad, Resolución 710/2024 (RESOL-2024-710-APN-MSG), 26 July 2024, Boletín Oficial 29 July 2024: creates the Unidad de Inteligencia Artificial Aplicada a la Seguridad (UIAAS)',
      url: 'https://www.boletinoficial.gob.ar/',
      date: '2024-07-29',
      quote:
        'Utilizar algoritmos de aprendizaje automático a fin de analizar datos históricos de crímenes y de ese modo predecir futuros delitos y ayudar a prevenirlos.',
    },
    status: 'confirmed',
    note: "The function quoted is one of the unit's tasks, found word for word in transcriptions of the resolution (riquertdelincuenciainformatica.blogspot.com, dataclave.com.ar, diariojudicial.com); the Boletín Oficial page itself was not in the search corpus, so the link is to its front page. Every source names the unit UIAAS. The resolution states no metric, figure, area, period or crime type: the checker lists what it would need.",
  },
  {
    id: 'illustrative-40-in-3',
    label: 'Illustrative: "our AI predicts 40 % of crimes in 3 % of the city"',
    text: 'Our AI predicts 40 % of crimes in 3 % of the city',
    source: { title: 'Hexcast issue 10 (a made-up vendor claim of a common shape)', url: '', date: '', quote: '' },
    status: 'illustrative',
    note: 'Not a public claim: the usual shape of one, to show the hindsight ceiling at work.',
  },
];
